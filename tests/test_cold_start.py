"""Cold start (issue 18): what a fresh process loads before it does any work.

The command line builds only the parser of the command it runs, and the options and
the rules' documentation load without pydantic or numpy; the heavy modules
load when the work needs them. (The times are in ``benchmarks/speed.py --cold``.)
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from citenorm.cli import COMMANDS
from conftest import SEED

# (rapidfuzz, a few ms, loads with the rules that compare strings)
HEAVY = ("pydantic", "numpy", "scipy", "pycrfsuite", "citeproc", "bibtexparser")


def _loaded_after(code: str) -> list[str]:
    probe = f"{code}\nimport sys\nprint(__import__('json').dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return list(json.loads(out.stdout.strip().splitlines()[-1]))


# batch's options name the input suffixes of citenorm.io.load, which loads the records
@pytest.mark.parametrize("command", [c for c in COMMANDS if c != "batch"])
def test_a_command_s_options_load_no_heavy_module(command: str) -> None:
    loaded = _loaded_after(f"from citenorm.cli import _build_parser\n_build_parser({command!r})")
    assert f"citenorm.cli.{command}" in loaded  # the command's own module, and only it
    assert not [m for m in COMMANDS if m != command and f"citenorm.cli.{m}" in loaded]
    assert not [m for m in HEAVY if m in loaded]
    assert "citenorm.models" not in loaded and "citenorm.config" not in loaded


def test_the_rules_documentation_loads_no_record() -> None:
    code = (
        "import contextlib, io\nfrom citenorm.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
        "    assert main(['rule', 'CN201']) == 0\n"
        "assert out.getvalue().startswith('CN201 unlisted-source')"
    )
    loaded = _loaded_after(code)
    assert "citenorm.auditing.rules.lists" in loaded  # every rule is registered
    assert not [m for m in HEAVY if m in loaded]
    assert "citenorm.models" not in loaded and "citenorm.auditing.findings" not in loaded


def test_findings_are_the_same_class_wherever_they_are_imported_from() -> None:
    import citenorm
    from citenorm.auditing import Finding, Related, findings, registry

    assert Finding is registry.Finding is findings.Finding is citenorm.Finding
    assert Related is registry.Related is findings.Related
    with pytest.raises(AttributeError):
        _ = registry.Nothing  # type: ignore[attr-defined]


def test_fail_on_choices_are_the_severities() -> None:
    from citenorm.cli.audit import FAIL_ON
    from citenorm.config import SEVERITIES

    assert FAIL_ON == SEVERITIES


def test_auditing_the_seed_loads_neither_the_romanizer_nor_unused_term_patterns() -> None:
    """The mixed-romanization rule reads the list's style without the romanizer's model
    (``_build``, ``_model``: its tables) or its records (``_records``: pydantic models,
    which the package loads on first use), and the term rule compiles the patterns of the
    terms an entry holds, not those of every term of ``terms.tsv``."""
    code = (
        "import contextlib, io\nfrom citenorm.cli import main\n"
        "from citenorm.text.romanize import _consistency as c\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
        f"    assert main(['audit', {str(SEED)!r}, '--output-format', 'json']) in (0, 1)\n"
        "assert out.getvalue().lstrip().startswith(('[', '{'))\n"
        "n = c._variant_patterns.cache_info().currsize\n"
        "assert 0 < n < len(c._term_patterns()), n\n"
    )
    loaded = _loaded_after(code)
    assert "citenorm.text.romanize._consistency" in loaded  # the term rules ran
    assert "citenorm.text.romanize._style" in loaded  # the style was detected
    assert "citenorm.text.romanize._build" not in loaded
    assert "citenorm.text.romanize._model" not in loaded
    assert "citenorm.text.romanize._records" not in loaded


def test_the_romanizer_s_records_load_on_first_use() -> None:
    import citenorm.text.romanize as R
    from citenorm.text.romanize import _records

    assert R.Proposal is _records.Proposal and R.RomanizedWord is _records.RomanizedWord
    assert set(R.__all__) >= R._RECORDS
    assert all(getattr(R, name) is getattr(_records, name) for name in R._RECORDS)
    with pytest.raises(AttributeError, match="no attribute 'Nothing'"):
        _ = R.Nothing  # type: ignore[attr-defined]


def test_the_in_text_prefilters_fold_every_character_as_clean_does() -> None:
    """The author-date prefilters and the cleaned view are built from each character's
    :func:`clean` in one call; the same tables as character by character."""
    import re

    from citenorm.extraction import intext
    from citenorm.text.normalize import _clean

    folds = intext._block_folds()
    chars = [chr(cp) for lo, hi in intext._BLOCKS for cp in range(lo, hi)]
    assert folds == tuple((ch, _clean(ch)) for ch in chars)

    def chars_of(test: Callable[[str], bool], *plain: str) -> str:  # the plain reading
        out = [re.escape(c) for c in plain]
        out += [re.escape(ch) for ch, f in folds if ch not in plain and test(f)]
        return "[" + "".join(out) + "]"

    digit = chars_of(lambda f: any(c in "0123456789" for c in f), *"0123456789")
    gone = chars_of(lambda f: f == "") + "*"
    space = "(?:\\s|" + chars_of(lambda f: f.isspace()) + "|" + gone[:-1] + ")*"
    dot = chars_of(lambda f: "." in f, ".")

    def letter(*forms: str) -> str:
        return chars_of(lambda f: f in forms, *forms)

    expected = [
        chars_of(lambda f: "(" in f, "("),
        f"{digit}(?:{gone}{digit}){{2}}(?:{gone}{digit}|{space}{letter('ه')})",
        f"{letter('د')}{space}{dot}{space}{letter('ت')}",
        f"{letter('n', 'N')}{space}{dot}{space}{letter('d', 'D')}",
    ]
    assert [p.pattern for p in intext._prefilters()] == expected


@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_command_s_parser_is_the_same_without_the_other_commands(command: str) -> None:
    """``citenorm CMD ...`` builds the parser of CMD alone; its help and usage are
    those it has beside every other command's (the top-level parser builds them all)."""
    from importlib import import_module

    from citenorm.cli import _build_parser

    alone = _build_parser(command)
    assert list(alone._subparsers._group_actions[0].choices) == [command]  # type: ignore[union-attr]
    full = _build_parser(None)
    assert list(full._subparsers._group_actions[0].choices) == list(COMMANDS)  # type: ignore[union-attr]
    beside = full._subparsers._group_actions[0].choices[command]  # type: ignore[union-attr]
    import_module(f"citenorm.cli.{command}").add_arguments(beside)
    own = alone.get_default("command_parser")
    assert own.format_help() == beside.format_help()
    assert own.format_usage() == beside.format_usage()


def test_skeleton_keys_drop_exactly_the_combining_characters() -> None:
    """The skeleton's shortcut for combining marks (one pattern for the Latin and Arabic
    blocks' marks, then no per-character pass over ASCII and Arabic letters) deletes
    what ``unicodedata.combining`` marks, and only that."""
    import random
    import unicodedata

    from citenorm.text.normalize import drop_combining

    rng = random.Random(18)
    ranges = [(0x20, 0x7F), (0x300, 0x370), (0x600, 0x700), (0x1E00, 0x1F00), (0x20D0, 0x20F0)]
    for _ in range(5000):
        text = "".join(chr(rng.randint(*rng.choice(ranges))) for _ in range(rng.randint(0, 20)))
        expected = "".join(ch for ch in text if not unicodedata.combining(ch))
        assert drop_combining(text) == expected, repr(text)
    assert drop_combining("أحمد") == "أحمد"  # (NFC: no mark to drop)
    assert drop_combining(unicodedata.normalize("NFKD", "Ṭabʻah")) == "Tabʻah"


def test_lazy_patterns_compile_on_first_use_and_match_as_compiled_ones() -> None:
    """Patterns most articles never reach are compiled when first used
    (:func:`citenorm.text.patterns.lazy`); they match as ``re.compile`` does."""
    import re

    from citenorm.text import patterns as P

    texts = ["غير منشور", "Unpublished thesis", "n.d.", "(د. ت)", "x 12 y", ""]
    for source, flags in [(r"غير\s+منشور|unpublished", re.I), (r"(?P<n>[0-9]+)\s*(y)?", 0)]:
        lazy, eager = P.lazy(source, flags), re.compile(source, flags)
        assert "search" not in vars(lazy)  # not compiled yet
        for text in texts:
            got, want = lazy.search(text), eager.search(text)
            assert (got and (got.span(), got.groups())) == (want and (want.span(), want.groups()))
            assert [m.span() for m in lazy.finditer(text)] == [
                m.span() for m in eager.finditer(text)
            ]
            assert lazy.sub("-", text) == eager.sub("-", text)
        assert (lazy.pattern, lazy.flags, lazy.groupindex) == (
            eager.pattern,
            eager.flags,
            eager.groupindex,
        )
        assert repr(lazy) == repr(eager)
        assert {lazy: 1}[lazy] == 1 and lazy != P.lazy(source, flags)  # keyed by identity
    # a module's lazy pattern behind a hint (P.search reads HINTS by the pattern object)
    assert P.UNPUBLISHED in P.HINTS and not isinstance(P.UNPUBLISHED, re.Pattern)
    assert P.search(P.UNPUBLISHED, "رسالة غير منشورة") is not None
    assert P.search(P.UNPUBLISHED, "رسالة منشورة") is None


def test_plain_records_behave_as_the_dataclasses_they_replace() -> None:
    """The extraction's internal records are plain classes (no code generated at import);
    their constructor, repr, equality, hash, immutability, copy and pickle are those of
    the dataclasses they were."""
    import copy
    import dataclasses
    import pickle

    from citenorm.extraction.segment import Line, ListBlock

    @dataclasses.dataclass(frozen=True, slots=True)
    class LineDC:
        number: int
        raw: str
        text: str

    @dataclasses.dataclass(slots=True)
    class BlockDC:
        heading: object
        title: str
        script: str
        lines: list[object] = dataclasses.field(default_factory=list)

    line, twin, other = Line(1, " a ", "a"), Line(1, " a ", "a"), Line(number=2, raw="b", text="b")
    assert repr(line) == "Line(" + repr(LineDC(1, " a ", "a")).split("(", 1)[1]
    assert line == twin and line != other and line != LineDC(1, " a ", "a")
    assert hash(line) == hash(twin) == hash(LineDC(1, " a ", "a")) and len({line, twin, other}) == 2
    with pytest.raises(dataclasses.FrozenInstanceError):
        line.number = 3  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del line.raw  # type: ignore[misc]
    assert copy.copy(line) == line and pickle.loads(pickle.dumps(line)) == line
    assert not hasattr(line, "__dict__")

    block = ListBlock(line, "المراجع", "arabic")
    assert block.lines == [] and block.lines is not ListBlock(line, "t", "arabic").lines
    assert block.kind == "original" and block.level == 0 and block.runs == []
    assert block == ListBlock(line, "المراجع", "arabic") != ListBlock(line, "Refs", "latin")
    assert repr(block).startswith("ListBlock(heading=Line(number=1, raw=' a ', text='a'), title=")
    assert repr(BlockDC(line, "t", "s")).endswith(
        "BlockDC(heading=Line(number=1, raw=' a ', text='a'), title='t', script='s', lines=[])"
    )
    with pytest.raises(TypeError):
        hash(block)
    block.lines.append(other)
    assert copy.deepcopy(block) == block and pickle.loads(pickle.dumps(block)) == block


def test_the_rule_and_decoded_records_behave_as_the_dataclasses_they_replace() -> None:
    """``Rule`` (its ``function`` left out of repr, equality and hash) and ``Decoded``
    are plain records now: the same behaviour as the frozen dataclasses they were."""
    import copy
    import dataclasses
    import pickle

    from citenorm.auditing.registry import RULES, Rule
    from citenorm.io.text import Decoded

    @dataclasses.dataclass(frozen=True, slots=True)
    class RuleDC:
        code: str
        name: str
        severity: str
        summary: str
        why: str
        example: str
        family: str
        function: object = dataclasses.field(repr=False, compare=False)
        opt_in: bool = False

    @dataclasses.dataclass(frozen=True)
    class DecodedDC:
        text: str
        encoding: str
        warnings: list[str] = dataclasses.field(default_factory=list)

    args = ("CN999", "a-name", "warning", "s", "w", "e", "lists")
    rule, twin = Rule(*args, function=len), Rule(*args, function=str, opt_in=False)
    want = RuleDC(*args, function=len)
    assert repr(rule) == "Rule(" + repr(want).split("(", 1)[1]
    assert rule == twin and hash(rule) == hash(twin) == hash(want)  # function not compared
    assert rule != Rule(*args, function=len, opt_in=True) and rule != want
    assert rule.opt_in is False and rule.function is len
    with pytest.raises(dataclasses.FrozenInstanceError):
        rule.code = "CN1"  # type: ignore[misc]
    for made in (copy.copy(rule), copy.deepcopy(rule), pickle.loads(pickle.dumps(rule))):
        assert made == rule and made.function is len
    assert not hasattr(rule, "__dict__")
    import citenorm.auditing.rules  # noqa: F401  (registers every rule)

    assert all(isinstance(r, Rule) and r == copy.copy(r) for r in RULES.values())

    decoded, plain = Decoded("t", "utf-8"), DecodedDC("t", "utf-8")
    assert repr(decoded) == "Decoded(" + repr(plain).split("(", 1)[1]
    assert decoded.warnings == [] and decoded.warnings is not Decoded("t", "utf-8").warnings
    assert decoded == Decoded("t", "utf-8", []) != Decoded("t", "utf-8", ["x"])
    with pytest.raises(TypeError):
        hash(decoded)  # a list field: unhashable, as the dataclass
    with pytest.raises(dataclasses.FrozenInstanceError):
        decoded.text = "u"  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(decoded)) == decoded == copy.deepcopy(decoded)


def test_the_default_configuration_is_made_without_building_its_validators() -> None:
    """Without a configuration file (or with ``--isolated``) the audit uses
    :func:`citenorm.config.default_config`, equal to ``Config()``, and builds neither
    model's validator (they are built when a file's table is first validated)."""
    from citenorm.config import AuditConfig, Config, default_config

    made = default_config()
    assert made == Config() and made.audit == AuditConfig()
    assert made.model_dump() == Config().model_dump() and repr(made) == repr(Config())
    assert made.model_fields_set == Config().model_fields_set == set()
    code = (
        "import contextlib, io\nfrom citenorm.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main(['audit', '--isolated', {str(SEED)!r}]) in (0, 1)\n"
        "from citenorm.config import AuditConfig, Config\n"
        "kinds = {type(m.__pydantic_validator__).__name__ for m in (Config, AuditConfig)}\n"
        "assert kinds == {'MockValSer'}, kinds\n"
    )
    assert "citenorm.config" in _loaded_after(code)


def test_auditing_the_seed_builds_no_record_validator() -> None:
    """The audit's records are built from typed values without pydantic's validators
    (``model_construct``): a cold audit builds none, so neither the schemas nor
    pydantic's plugin loader (``importlib.metadata``, the installed distributions) load.
    A library user's ``Entry(...)`` still validates."""
    code = (
        "import contextlib, io\nfrom citenorm.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
        f"    assert main(['audit', {str(SEED)!r}]) in (0, 1)\n"
        "assert 'CN' in out.getvalue()\n"
        "from citenorm import models as M\nfrom citenorm.auditing import findings as F\n"
        "records = [M.Name, M.Date, M.Fields, M.Section, M.Entry, M.Footnote, M.Document,\n"
        "           M.Pair, M.Citation, M.MatchResult, F.Finding, F.Related]\n"
        "kinds = {type(m.__pydantic_validator__).__name__ for m in records}\n"
        "assert kinds == {'MockValSer'}, kinds\n"
    )
    loaded = _loaded_after(code)
    assert "citenorm.auditing.findings" in loaded and "citenorm.extraction.compact" in loaded
    assert "pydantic.plugin._loader" not in loaded and "importlib.metadata" not in loaded
    assert "importlib.resources" not in loaded  # (the data files: citenorm._data)

    import pydantic

    from citenorm.models import Entry, Fields

    made = Entry(id="e1", list="original", script="arabic", section=None, number=None,
                 text="t", line=1, raw="t")  # fmt: skip
    assert made.fields == Fields() and made.fields.model_fields_set == set()
    with pytest.raises(pydantic.ValidationError):
        Entry(id="e1", list="other", script="arabic", section=None, number=None, text="t",
              line=1, raw="t")  # fmt: skip


def test_fields_built_without_a_validator_are_those_validation_builds() -> None:
    """:func:`citenorm.extraction.compact.fields_of` (the value builder's and the letter
    restorer's records) gives what ``Fields.model_validate`` gives: names and dates as
    records from their JSON form, CSL-JSON names, the fields set."""
    from citenorm.extraction.compact import fields_of
    from citenorm.models import Date, Fields, Name

    data = {
        "type": "book",
        "author": [{"literal": "مجموعة من الباحثين"}, Name(family="Said", given="E.")],
        "container-title": "Journal",
        "publisher-place": "Beirut",
        "issued": {"date-parts": [[1999]], "raw": "1999"},
        "accessed": Date(raw="n.d."),
        "hijri": 1420,
    }
    made, validated = fields_of(data), Fields.model_validate(data)
    assert made == validated and made.model_dump() == validated.model_dump()
    assert made.model_fields_set == validated.model_fields_set
    assert [n.model_fields_set for n in made.author or []] == [
        n.model_fields_set for n in validated.author or []
    ]
    assert made.issued is not None and validated.issued is not None
    assert (
        made.issued.model_fields_set == validated.issued.model_fields_set == {"date_parts", "raw"}
    )
    assert made.to_json() == validated.to_json()
    assert list(made.model_dump()) == list(validated.model_dump())  # the declared order


def test_data_files_are_read_as_importlib_resources_reads_them(tmp_path: Path) -> None:
    """``citenorm._data`` reads a package's data files from its directory (no
    ``importlib.resources`` in a cold audit); a package imported from a zip archive is
    read through ``importlib.resources``; a missing file is ``FileNotFoundError``."""
    import zipfile
    from importlib import resources

    from citenorm import _data

    for package, parts in [
        ("citenorm.text.romanize", ("data", "terms.tsv")),
        ("citenorm.text.lexicon", ("data", "folded.json")),
    ]:
        want = resources.files(package).joinpath(*parts).read_text(encoding="utf-8")
        assert _data.read_text(package, *parts) == want
    model = resources.files("citenorm.extraction.reference") / "data" / "model.crfsuite"
    assert _data.data_file("citenorm.extraction.reference", "data", "model.crfsuite") == str(model)
    with pytest.raises(FileNotFoundError):
        _data.read_text("citenorm.text.lexicon", "data", "nothing.json")

    archive = tmp_path / "zipped.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("zipped_pkg_18/__init__.py", "")
        z.writestr("zipped_pkg_18/data/words.txt", "كتاب\n")
    sys.path.insert(0, str(archive))
    try:
        assert _data.read_text("zipped_pkg_18", "data", "words.txt") == "كتاب\n"
    finally:
        sys.path.remove(str(archive))
        sys.modules.pop("zipped_pkg_18", None)
