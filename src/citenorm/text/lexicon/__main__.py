"""``python -m citenorm.text.lexicon [--build]``: the sizes of the tables, or write the
precomputed folded tables (``data/folded.json``) from the ``.tsv`` files."""

import sys

from citenorm.text.lexicon import _main

sys.exit(_main(sys.argv[1:]))
