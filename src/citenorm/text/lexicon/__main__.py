"""``python -m citenorm.text.lexicon [--build]``: the sizes of the tables, or write the
precomputed folded tables (``data/folded.json``) from the ``.tsv`` files."""

import sys

from citenorm.text.lexicon import _sizes, write_folded

if __name__ == "__main__":
    if sys.argv[1:] == ["--build"]:
        print(f"wrote {write_folded()}")
    elif sys.argv[1:]:
        sys.exit("usage: python -m citenorm.text.lexicon [--build]")
    else:
        for name, size in _sizes().items():
            print(f"{name}: {size}")
