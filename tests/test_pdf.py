"""``.pdf`` input: logical order of Arabic lines, footnote blocks by position and size.

The PDFs are made here: pages of the seed printed by headless Chromium (a real bidi and
shaping engine, Arabic glyphs from the DejaVu/Noto fonts), and small ones drawn with
reportlab (font sizes, encryption).
"""

from __future__ import annotations

import html
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip(
    "pdfplumber", reason='the pdf extra is not installed (pip install "citenorm[pdf]")'
)

import citenorm
from citenorm.errors import InputError
from citenorm.io.load import load, with_locations
from citenorm.io.pdf import NOTES_RULE, visual_to_logical
from citenorm.models import Entry
from conftest import CHROMIUM, SEED, print_pdf

needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium prints the test PDFs (apt-get install chromium)"
)
SEED_LINES = SEED.read_text(encoding="utf-8").split("\n")

_PAGE_CSS = """
@page { size: 210mm 400mm; margin: 0 }
body { margin: 0; font-family: "DejaVu Sans", "Noto Sans Arabic", sans-serif; }
.page { position: relative; height: 400mm; padding: 15mm 18mm; box-sizing: border-box;
  page-break-after: always; overflow: hidden; }
.body p { font-size: 11pt; line-height: 1.5; margin: 0 0 9pt; text-align: justify; }
.notes { position: absolute; bottom: 15mm; left: 18mm; right: 18mm; font-size: 8pt;
  line-height: 1.4; border-top: 1px solid #000; padding-top: 3pt; }
.notes p { margin: 0; }
.flow p { font-size: 11pt; margin: 0 0 4pt; }
"""


def _print_pdf(tmp_path: Path, body_html: str, name: str = "article") -> Path:
    assert CHROMIUM is not None
    page = f'<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><style>{_PAGE_CSS}</style></head><body>{body_html}</body></html>'
    return print_pdf(page, tmp_path / f"{name}.pdf", profile=tmp_path / "profile")


def _blocks(first: int, last: int) -> list[tuple[list[str], list[str]]]:
    """Seed lines first..last (1-based) as pages: (body paragraphs, footnote paragraphs);
    a page ends after its footnote block, as in the article."""
    pages: list[tuple[list[str], list[str]]] = []
    body: list[str] = []
    notes: list[str] = []
    for line in SEED_LINES[first - 1 : last]:
        if not line.strip():
            continue
        # a note starts with its number; "(منشورة)، ..." continues the note before it
        if (line.startswith("(") and line[1:2].isdigit()) or (notes and line.startswith("(")):
            notes.append(line)
            continue
        if notes:
            pages.append((body, notes))
            body, notes = [], []
        body.append(line)
    pages.append((body, notes))
    return pages


def _pages_html(pages: list[tuple[list[str], list[str]]]) -> str:
    out = []
    for body, notes in pages:
        b = "".join(f"<p>{html.escape(p)}</p>" for p in body)
        n = "".join(f"<p>{html.escape(p)}</p>" for p in notes)
        out.append(
            f'<div class="page"><div class="body">{b}</div><div class="notes">{n}</div></div>'
        )
    return "".join(out)


def _is_arabic(text: str) -> bool:
    return any("\u0600" <= c <= "\u06ff" for c in text)


def _squash(text: str) -> str:
    # a line printed as "Arab-" + "European" is joined with a space by the extractor
    return " ".join(text.split()).replace("- ", "-")


# --- the reordering, without any PDF --------------------------------------------------


@pytest.mark.parametrize(
    ("visual", "logical"),
    [
        # what a renderer shows for the logical text, left to right
        ("ﻢﻟﺎﻌﻟا", "العالم"),
        (".(1) ﻲﺘﻴﻓﻮﺴﻟا", "السوفيتي (1)."),
        ("2023-2014 ةﺪﻤﻟا لﻼﺧ", "خلال المدة 2014-2023"),
        ("٢٠٢٣-٢٠١٤ ةﺪﻤﻟا", "المدة ٢٠١٤-٢٠٢٣"),
        ("ﺺﻧ Bibliography", "نص Bibliography"),  # mostly Latin: left to right
        ("%80 ﻰﻟإ ﻞﺼﺗ", "تصل إلى 80%"),
        ("3.5 ﺔﺒﺴﻧ", "نسبة 3.5"),
        ("ﻻ", "لا"),
        ("«ﻦﻴﺼﻟا»", "«الصين»"),
        ("Journal of Studies, No. 85", "Journal of Studies, No. 85"),
    ],
)
def test_visual_to_logical(visual: str, logical: str) -> None:
    from citenorm.io.pdf import _base_letters

    assert _base_letters(visual_to_logical(list(visual))) == logical


def test_a_right_aligned_line_with_mostly_latin_letters_is_right_to_left() -> None:
    visual = list("2023-2014 و English ﺺﻧ Bibliography")
    from citenorm.io.pdf import _base_letters

    assert (
        _base_letters(visual_to_logical(visual, rtl=True)) == "Bibliography نص English و 2014-2023"
    )


# --- PDFs printed by Chromium -------------------------------------------------------


@needs_chromium
def test_seed_pages_give_the_seed_footnotes(tmp_path: Path) -> None:
    pages = _blocks(97, 153)
    assert len(pages) == 4 and all(notes for _b, notes in pages)
    loaded = load(_print_pdf(tmp_path, _pages_html(pages)))
    assert loaded.kind == "pdf" and loaded.encoding == "pdf"
    assert loaded.pages is not None and len(loaded.pages) == loaded.text.count("\n")
    assert {p for p in loaded.pages if p is not None} == {1, 2, 3, 4}
    got = citenorm.extract(loaded.text)
    want = citenorm.extract("\n".join(SEED_LINES[96:153]))
    assert len(got.footnotes) == len(want.footnotes) == 11
    for g, w in zip(got.footnotes, want.footnotes, strict=True):
        assert (g.number, g.group, g.kind) == (w.number, w.group, w.kind)
        assert _squash(g.text) == _squash(w.text)
    # each footnote is printed on the page of its group, at the bottom
    for f in got.footnotes:
        assert loaded.pages[f.line - 1] == f.group
    # the body keeps its digits and markers in reading order
    assert "وفي عام ٢٠٠١ وصلت" in loaded.text
    assert "(٢٠٠٠-٢٠١٢)" in loaded.text


@needs_chromium
def test_seed_lists_from_pdf_pair_like_the_text(tmp_path: Path) -> None:
    lines = [ln for ln in SEED_LINES[318:375] if ln.strip()]
    flow = "".join(
        f'<p dir="{"rtl" if _is_arabic(ln) else "ltr"}">{html.escape(ln)}</p>' for ln in lines
    )
    loaded = load(_print_pdf(tmp_path, f'<div class="flow">{flow}</div>', name="lists"))
    got = citenorm.match(citenorm.extract(loaded.text))
    want = citenorm.match(citenorm.extract("\n".join(SEED_LINES[318:375])))
    assert [(e.list, e.script, e.number) for e in got.document.entries] == [
        (e.list, e.script, e.number) for e in want.document.entries
    ]
    assert [_squash(e.text) for e in got.document.entries] == [
        _squash(e.text) for e in want.document.entries
    ]
    pairs = {(p.arabic, p.latin) for p in got.pairs}
    assert pairs == {(p.arabic, p.latin) for p in want.pairs}
    if "page" in Entry.model_fields:
        doc = with_locations(got.document, loaded)
        assert all(getattr(e, "page") is not None for e in doc.entries)  # noqa: B009


# --- PDFs drawn with reportlab ---------------------------------------------------------


def _reportlab() -> Any:
    return pytest.importorskip("reportlab.pdfgen.canvas", reason="reportlab draws the test PDFs")


def _dejavu_canvas(path: Path) -> Any:
    """An A4 reportlab canvas writing ``path``, with DejaVu (Arabic letters) registered."""
    canvas = _reportlab()
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("DejaVu", str(DEJAVU)))
    return canvas.Canvas(str(path), pagesize=(595, 842))


def test_small_print_at_the_page_bottom_is_the_footnote_block(tmp_path: Path) -> None:
    canvas = _reportlab()
    path = tmp_path / "latin.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    for page in (1, 2):
        c.setFont("Helvetica", 12)
        c.drawString(72, 770, f"Body text of page {page} cites a source.(1)")
        c.drawString(72, 752, "A second line of the body.")
        c.setFont("Helvetica", 8)
        c.drawString(72, 90, f"(1) Smith, John. A Book {page}. London: Press, 2001.")
        c.drawString(72, 80, "    continued note line.")
        c.setFont("Helvetica", 12)
        c.drawString(290, 40, str(page))  # page number: dropped
        c.showPage()
    c.save()
    loaded = load(path)
    rule = NOTES_RULE
    assert loaded.text.split("\n") == [
        "Body text of page 1 cites a source.(1)",
        "A second line of the body.",
        "",
        rule,  # the footnote block, told by its smaller print
        "(1) Smith, John. A Book 1. London: Press, 2001.",
        "continued note line.",
        "\f",  # a page break, as pdftotext writes it
        "Body text of page 2 cites a source.(1)",
        "A second line of the body.",
        "",
        rule,
        "(1) Smith, John. A Book 2. London: Press, 2001.",
        "continued note line.",
        "",
    ]
    assert loaded.pages == [1, 1, None, None, 1, 1, None, 2, 2, None, None, 2, 2]
    doc = citenorm.extract(loaded.text)
    assert [(f.number, f.group, f.line) for f in doc.footnotes] == [(1, 1, 5), (1, 2, 12)]


def test_a_heading_that_later_pages_repeat_as_their_running_head_is_kept(
    tmp_path: Path,
) -> None:
    # a book's list of references: its heading at the top of its first page, the same
    # words in small print at the top of the next pages (the chapter's running head)
    canvas = _reportlab()
    path = tmp_path / "heads.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    for page in (1, 2, 3):
        if page == 1:
            c.setFont("Helvetica", 14)
            c.drawString(72, 782, "Works Cited")
        else:
            c.setFont("Helvetica", 8)
            c.drawString(270, 815, "Works Cited")
        c.setFont("Helvetica", 12)
        for k in range(4):
            c.drawString(72, 730 - 18 * k, f"Writer{page}{k}, Ann. A Book. London: Press, 2001.")
        c.setFont("Helvetica", 10)
        c.drawString(290, 40, str(page))
        c.showPage()
    c.save()
    lines = [ln for ln in load(path).text.split("\n") if ln.strip()]
    assert lines[0] == "Works Cited"
    assert lines.count("Works Cited") == 1  # the running heads are dropped
    assert sum(ln.startswith("Writer") for ln in lines) == 12


def test_a_heading_in_the_size_of_the_running_heads_under_the_first_pages_head(
    tmp_path: Path,
) -> None:
    # pages set in one small size throughout (9pt references): every page has the running
    # head at its top; the first page has the list's heading too, in the same size and the
    # same words, at the top of its text block, under its own running head
    canvas = _reportlab()
    path = tmp_path / "small-heads.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    for page in (1, 2, 3):
        c.setFont("Helvetica", 9)
        c.drawString(260, 815, "Works Cited")
        y = 775.0
        if page == 1:
            c.drawString(72, y, "Works Cited")
            y -= 18
        for k, name in enumerate(["Abel", "Brook", "Crane", "Dale"]):
            title = ["Rivers", "Hills", "Ports"][page - 1]
            c.drawString(72, y - 14 * k, f"Writer {name}, Ann. {title}. London: Press, 2001.")
        c.drawString(290, 40, str(page))
        c.showPage()
    c.save()
    lines = [ln for ln in load(path).text.split("\n") if ln.strip()]
    assert lines[0] == "Works Cited"
    assert lines.count("Works Cited") == 1  # the running heads are dropped
    assert sum(ln.startswith("Writer") for ln in lines) == 12


def test_encrypted_pdf_is_refused(tmp_path: Path) -> None:
    canvas = _reportlab()
    path = tmp_path / "locked.pdf"
    c = canvas.Canvas(str(path), encrypt="secret")
    c.drawString(72, 720, "hidden")
    c.save()
    with pytest.raises(InputError, match="encrypted PDF") as info:
        load(path)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize(
    ("data", "message"),
    [(b"%PDF-1.7\n garbage", "unreadable PDF|no text layer"), (b"not a pdf at all", "not a PDF")],
)
def test_broken_pdf_is_refused(tmp_path: Path, data: bytes, message: str) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(data)
    with pytest.raises(InputError, match=message):
        load(path)


def test_a_url_split_by_the_bidi_algorithm_is_put_back() -> None:
    from citenorm.io.pdf import _fix_urls

    assert _fix_urls("متاح <2u.pw/E8E1XNUA//:https>") == "متاح <https://2u.pw/E8E1XNUA>"
    assert _fix_urls("https://www.example.org") == "https://www.example.org"


@pytest.mark.parametrize(
    ("extracted", "fixed"),
    [
        # a right-to-left layout draws the curly quotes of its left-to-right lines mirrored
        (
            "Dupont, Jean. ”Les ports du Levant.“ Revue 3 (1990).",
            "Dupont, Jean. “Les ports du Levant.” Revue 3 (1990).",
        ),
        ("4. Martin, ”Le sel,“ 12.", "4. Martin, “Le sel,” 12."),
        ("(”Le sel“)", "(“Le sel”)"),
        ("”Jamais!“²", "“Jamais!”²"),
        # the opening half on one line, the closing half on the next
        ("Dupont, Jean. ”Les ports du", "Dupont, Jean. “Les ports du"),
        ("Levant.“ Revue 3 (1990).", "Levant.” Revue 3 (1990)."),
        # and the mirrored brackets as before
        (")Paris: Press, 2016(.", "(Paris: Press, 2016)."),
        # quotes that are right are left alone: English, German (closes with “), a quote
        # mark standing apart
        ("Dupont, “Les ports,” 12.", "Dupont, “Les ports,” 12."),
        ("Müller, „Die Häfen“ und mehr.", "Müller, „Die Häfen“ und mehr."),
        ("” …et il répond", "” …et il répond"),
    ],
)
def test_mirrored_quotes_of_a_left_to_right_line_are_put_right(extracted: str, fixed: str) -> None:
    from citenorm.io.pdf import _unmirror

    assert _unmirror(extracted) == fixed


# --- a journal page drawn with reportlab: notes at the bottom, an Arabic note, superscript
# markers, running heads; and a two-column page (issue 14) ----------------------------------

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
needs_arabic_font = pytest.mark.skipif(
    not DEJAVU.exists(), reason="DejaVu Sans draws the Arabic test text (fonts-dejavu-core)"
)
_LTR_RUN = re.compile(r"[0-9]+(?:[-./:][0-9]+)*|[A-Za-z]+")


def _visual(logical: str) -> str:
    """An Arabic line in the order a PDF draws its glyphs, left to right: the characters
    reversed, runs of digits (and Latin) kept in their order, brackets mirrored."""
    reversed_ = logical[::-1].translate(str.maketrans("()", ")("))
    return _LTR_RUN.sub(lambda m: m.group()[::-1], reversed_)


# pages: running head, body lines (each may end with a superscript marker), notes
JOURNAL = [
    (
        "Revue d'histoire du livre 7 (2021)",
        [
            ("Les inventaires de Fès décrivent les livres des savants", "1"),
            ("et ceux des marchands qui les louaient aux étudiants.", "2"),
            ("Les prix varient selon l'état des volumes.", None),
        ],
        [
            "1. Mohamed Alaoui, Les manuscrits de la Qarawiyyīn (Rabat: Éditions du",
            "Patrimoine, 1994), 12-30.",
            "ARABIC",
        ],
    ),
    (
        "Karima Bennani",
        [
            ("Les héritiers vendent une partie des fonds en 1912", "3"),
            ("quand le marché s'ouvre aux acheteurs européens.", "4"),
            ("Bibliography", None),
            ("Alaoui, Mohamed. Les manuscrits de la Qarawiyyīn. Rabat: Éditions du", None),
            ("Patrimoine, 1994.", None),
            ("Haddad, Leila. Prêter un livre à Fès. Studia Maghrebina 8 (2001): 77-95.", None),
        ],
        ["3. Alaoui, Les manuscrits, 88.", "4. Ibid., 91."],
    ),
]
# note 2, in Arabic, as it reads (the PDF draws it in visual order)
ARABIC_NOTE = "2. محمد المنوني، تاريخ الوراقة المغربية، الرباط، 1991، ص 45."


def _journal_text() -> str:
    """The same article as the text a PDF reader gives of it (``pdftotext``): each page
    after a form feed, with its page number and running head, markers glued to their
    words, notes at the bottom."""
    out: list[str] = []
    for number, (head, body, notes) in enumerate(JOURNAL, start=41):
        out += ["\f"] if out else []
        out += [f"{number}    {head}"]
        out += [line + (marker or "") for line, marker in body]
        out += [ARABIC_NOTE if n == "ARABIC" else n for n in notes]
    return "\n".join(out) + "\n"


def _draw_journal(path: Path) -> None:
    c = _dejavu_canvas(path)
    for number, (head, body, notes) in enumerate(JOURNAL, start=41):
        c.setFont("DejaVu", 9)
        c.drawString(72, 810, f"{number}    {head}")  # running head with the page number
        y = 770.0
        for line, marker in body:
            c.setFont("DejaVu", 12)
            c.drawString(72, y, line)
            if marker:  # a superscript marker: small and raised after the last word
                c.setFont("DejaVu", 7)
                c.drawString(72 + c.stringWidth(line, "DejaVu", 12) + 0.5, y + 5, marker)
            y -= 18
        y = 120.0
        for note in notes:
            c.setFont("DejaVu", 9)
            if note == "ARABIC":
                visual = _visual(ARABIC_NOTE)
                c.drawRightString(523, y, visual)
            else:
                c.drawString(72, y, note)
            y -= 12
        c.showPage()
    c.save()


@needs_arabic_font
def test_a_vowel_mark_set_off_its_line_stays_in_its_line(tmp_path: Path) -> None:
    # a font may set a shadda or a kasra so far off its letter that its box leaves the
    # line's: alone on a line of its own, it would cut the entry in two
    path = tmp_path / "marks.pdf"
    c = _dejavu_canvas(path)
    c.setFont("DejaVu", 12)
    c.drawRightString(523, 760, _visual("المراجع"))
    entries = [
        "1. الحلي، تفسير العسكري، قم، مؤسسة النشر، 1409.",
        "2. الطوسي، كتاب الغيبة، النجف، دار الكتب، 1411.",
    ]
    y = 730.0
    for entry in entries:
        visual = _visual(entry)
        c.drawRightString(523, y, visual)
        width = c.stringWidth(visual, "DejaVu", 12)
        c.drawString(523 - width + 40, y - 8, "\u0651")  # set low, off the line's box
        y -= 30
    c.save()
    lines = [ln for ln in load(path).text.split("\n") if ln.strip()]
    assert len(lines) == 3
    assert all(not unicodedata.combining(ln.strip()[0]) for ln in lines)
    doc = citenorm.extract(load(path).text)
    assert [e.number for e in doc.entries] == [1, 2]


@needs_arabic_font
def test_a_range_that_a_wrap_put_first_on_a_line_of_an_arabic_paragraph(tmp_path: Path) -> None:
    # the range 45-67 comes after Arabic letters in its paragraph: the renderer takes its
    # numbers for Arabic numbers and draws it 67-45; the wrap put it at the start of the
    # paragraph's next line, which has no letter of its own
    path = tmp_path / "range.pdf"
    c = _dejavu_canvas(path)
    c.setFont("DejaVu", 12)
    first = _visual("سالم، أحمد. (2009). أثمان الكتب في القرن التاسع عشر. مجلة التاريخ،")
    c.drawRightString(523, 760, first)
    c.drawRightString(523, 744, ".67-45 ،12")  # "12، 45-67." as drawn
    # a paragraph of its own (a gap above): its range is drawn as it reads
    c.drawRightString(523, 700, "2014-2023")
    c.save()
    lines = [ln for ln in load(path).text.split("\n") if ln.strip()]
    assert lines[1] == "12، 45-67."
    assert lines[2] == "2014-2023"


def _records(doc: citenorm.Document) -> Any:
    return (
        [(f.number, f.group, f.kind, f.refers_to, _squash(f.text)) for f in doc.footnotes],
        [_squash(e.text) for e in doc.entries],
        [s.title for s in doc.sections],
    )


@needs_arabic_font
def test_a_journal_pdf_gives_the_records_of_its_text(tmp_path: Path) -> None:
    path = tmp_path / "journal.pdf"
    _draw_journal(path)
    loaded = load(path)
    got = citenorm.extract(loaded.text)
    want = citenorm.extract(_journal_text())
    assert [f.number for f in want.footnotes] == [1, 2, 3, 4]
    assert _records(got) == _records(want)
    # the superscript markers are glued to their words; the running heads are dropped
    assert "étudiants.²" in loaded.text
    assert "Karima Bennani" not in loaded.text and "Revue d'histoire" not in loaded.text
    # every record knows its page
    doc = with_locations(got, loaded)
    assert [f.page for f in doc.footnotes] == [1, 1, 2, 2]
    assert [e.page for e in doc.entries] == [2, 2]


def test_a_two_column_page_is_read_column_by_column(tmp_path: Path) -> None:
    canvas = _reportlab()
    path = tmp_path / "columns.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont("Helvetica-Bold", 14)
    c.drawString(150, 800, "A title across both columns")
    left = [f"Left column line {k} about the libraries of Fez." for k in range(1, 13)]
    right = [f"Right column line {k} on their catalogues." for k in range(1, 13)]
    left[-1] += "1"  # a marker (plain digit here) on the last left line
    for k, (a, b) in enumerate(zip(left, right, strict=True)):
        c.setFont("Helvetica", 10)
        c.drawString(50, 760 - 14 * k, a)
        c.drawString(310, 760 - 14 * k, b)
    c.setFont("Helvetica", 8)
    c.drawString(50, 90, "1. Leila Haddad, Prêter un livre à Fès (Rabat: Amān, 2001), 12.")
    c.showPage()
    c.save()
    lines = [ln for ln in load(path).text.split("\n") if ln.strip()]
    assert lines[0] == "A title across both columns"
    # every left line before every right line, each line whole
    assert lines[1:13] == left and lines[13:25] == right
    doc = citenorm.extract(load(path).text)
    assert [f.number for f in doc.footnotes] == [1]
    assert doc.footnotes[0].text.startswith("Leila Haddad")


_COLUMN_ENTRIES_AR = [
    "السالمي، أحمد. تاريخ الوراقة في المغرب الأقصى. الرباط: دار الأمان للنشر، 1998.",
    "الكتاني، سعاد. أسواق الكتب في فاس القديمة. الدار البيضاء: مطبعة النجاح، 2004.",
    "المريني، عبد الحق. خزائن الكتب في القرويين. فاس: منشورات الجامعة، 1987.",
    "بنعلي، زينب. الوقف على طلبة العلم. تطوان: مكتبة الشمال، 2011.",
    "الحداد، ليلى. إعارة الكتب في المدن المغربية. مراكش: دار الورّاق، 1995.",
    "العمراني، يوسف. فهارس المخطوطات العربية. بيروت: دار الغرب، 2001.",
    "الفاسي، مريم. النساخ والوراقون في العصر المريني. فاس: دار الزيتون، 2009.",
    "التازي، عمر. تجارة الورق بين فاس والأندلس. طنجة: مطبعة البوغاز، 1993.",
]
_COLUMN_ENTRIES_LAT = [
    "Benali, Zaynab. Waqf and the Students of Fez. Leiden: Brill, 2011.",
    "Haddad, Leila. Lending Books in Moroccan Towns. Rabat: Amān Press, 1995.",
    "Kettani, Souad. The Book Markets of Old Fez. Casablanca: Najah, 2004.",
    "Marini, Abdelhak. The Libraries of the Qarawiyyin. Fez: University Press, 1987.",
    "Omrani, Youssef. Catalogues of Arabic Manuscripts. Beirut: Dar al-Gharb, 2001.",
    "Tazi, Omar. The Paper Trade of Fez and Andalusia. Tangier: Boughaz, 1993.",
]


@needs_chromium
def test_a_two_column_arabic_page_whose_columns_do_not_share_their_lines(
    tmp_path: Path,
) -> None:
    # a journal's two columns: a heading and gaps move the right column's lines against
    # the left one's, so that lines of the two columns overlap in height; the right
    # column is read first, each entry whole
    body = (
        '<div style="column-count: 2; column-gap: 8mm">'
        '<h2 style="font-size: 15pt; margin: 0 0 7pt">المصادر والمراجع</h2>'
        + "".join(f"<p>{html.escape(e)}</p>" for e in _COLUMN_ENTRIES_AR)
        + '<h3 style="font-size: 13pt; margin: 10pt 0 5pt">References</h3>'
        + "".join(f'<p dir="ltr">{html.escape(e)}</p>' for e in _COLUMN_ENTRIES_LAT)
        + "</div>"
    )
    pdf = _print_pdf(tmp_path, f'<div class="page flow">{body}</div>', name="columns")
    doc = citenorm.extract(load(pdf).text)
    assert [_squash(e.text) for e in doc.entries] == [
        _squash(e) for e in _COLUMN_ENTRIES_AR + _COLUMN_ENTRIES_LAT
    ]


@needs_arabic_font
def test_a_year_that_a_wrap_left_alone_reads_in_its_entrys_direction(tmp_path: Path) -> None:
    # on an Arabic page, a Latin entry's wrap leaves its year alone on the next line
    # (flush left, no letter): it reads left to right, as its entry; and a page (or a
    # column) that ends with such a year, page after page, has no running head there
    path = tmp_path / "years.pdf"
    c = _dejavu_canvas(path)
    arabic = "الحداد، ليلى. إعارة الكتب في المدن المغربية. مراكش: دار الوراق، 1995."
    for year in ("1977", "1981", "1986"):
        c.setFont("DejaVu", 11)
        y = 760.0
        for _ in range(6):
            c.drawRightString(523, y, _visual(arabic))
            y -= 16
        c.drawString(72, 112, "Boase, Roger. The Origin and Meaning of Courtly Love. Manchester:")
        c.drawString(72, 96, "Manchester University Press,")
        c.drawString(72, 80, f"{year}.")  # the foot of the page
        c.showPage()
    c.save()
    lines = [ln for ln in load(path).text.split("\n") if ln.strip()]
    assert [ln for ln in lines if ln.strip(".").isdigit()] == ["1977.", "1981.", "1986."]


@needs_chromium
def test_a_latin_page_of_a_two_column_arabic_document_is_read_right_column_first(
    tmp_path: Path,
) -> None:
    # an Arabic journal sets its English page (the references, an abstract) in its own
    # order: the right column first, though the page's lines are mostly Latin
    cols = '<div style="column-count: 2; column-gap: 8mm; break-after: page">{}</div>'
    arabic = "<h2>المصادر والمراجع</h2>" + "".join(
        f"<p>{html.escape(e)}</p>" for e in _COLUMN_ENTRIES_AR
    )
    latin = '<h2 dir="ltr">References</h2>' + "".join(
        f'<p dir="ltr">{html.escape(e)}</p>' for e in _COLUMN_ENTRIES_LAT
    )
    body = cols.format(arabic) + cols.format(latin)
    pdf = _print_pdf(tmp_path, f'<div class="flow">{body}</div>', name="latin-page")
    doc = citenorm.extract(load(pdf).text)
    assert [_squash(e.text) for e in doc.entries] == [
        _squash(e) for e in _COLUMN_ENTRIES_AR + _COLUMN_ENTRIES_LAT
    ]


def _has_font(family: str) -> bool:
    import shutil
    import subprocess

    if shutil.which("fc-list") is None:
        return False
    out = subprocess.run(["fc-list", family], capture_output=True, text=True, check=False)
    return bool(out.stdout.strip())


@needs_chromium
@pytest.mark.skipif(not _has_font("Amiri"), reason="Amiri draws the text (fonts-hosny-amiri)")
def test_a_page_set_in_amiri_reads_as_its_text(tmp_path: Path) -> None:
    # Amiri mirrors guillemets itself and maps some pieces of its ligatures to no
    # character (\x00): the guillemets came out reversed, a word cut by a space
    lines = [
        "الفاسي، مريم، «دنيا الكتب» أو «ملكة الوراقين»، مخطوطة.",
        "التازي، عمر، «أسواق الكتب في فاس»، مطبعة البوغاز، 1993.",
        "بنعلي، زينب، «الوقف على طلبة العلم»، مكتبة الشمال، ط2، 2011.",
    ]
    page = (
        '<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><style>'
        "body { font-family: Amiri; font-size: 13pt; margin: 20mm; }</style></head><body>"
        + "".join(f"<p>{html.escape(line)}</p>" for line in lines)
        + "</body></html>"
    )
    pdf = print_pdf(page, tmp_path / "amiri.pdf", profile=tmp_path / "profile")
    got = [ln for ln in load(pdf).text.split("\n") if ln.strip()]
    assert got == lines


_WORD_NOTES = [
    "محمد المنوني، تاريخ الوراقة المغربية (الرباط: كلية الآداب، 1991)، ص 45.",
    "سعاد الكتاني، أسواق الكتب في فاس (الدار البيضاء: النجاح، 2004)، ص 12-30.",
    "المرجع نفسه، ص 88.",
]


@needs_chromium
def test_superscript_numbers_that_word_prints_at_the_head_of_arabic_notes(
    tmp_path: Path,
) -> None:
    # Word prints a note's number as a superscript (two thirds of the size, raised) at
    # the head of the note and after the body's word, the notes numbered from 1 on each
    # page; in a line of Arabic and Latin digits the line's box may be a digit's
    sup = '<sup style="font-size: 0.65em; vertical-align: 0.35em; line-height: 0">{}</sup>'
    style = "style=\"font-family: 'Noto Naskh Arabic', 'Noto Serif'; font-size: 13pt\""
    pages = []
    for _page in range(2):
        body = "".join(
            f"<p {style}>وقد درس الباحثون أسواق الكتب في المدن المغربية ووصفوا"
            f" تجارتها{sup.format(k)} وما كتبه الوراقون عنها.</p>"
            for k in range(1, 4)
        )
        notes = "".join(
            f"<p {style}>{sup.format(k)} {html.escape(n)}</p>"
            for k, n in enumerate(_WORD_NOTES, start=1)
        )
        pages.append(
            f'<div class="page"><div class="body">{body}</div>'
            f'<div class="notes">{notes}</div></div>'
        )
    pdf = _print_pdf(tmp_path, "".join(pages), name="word-notes")
    doc = citenorm.extract(load(pdf).text)
    assert [f.number for f in doc.footnotes] == [1, 2, 3, 1, 2, 3]
    assert [_squash(f.text) for f in doc.footnotes] == [_squash(n) for n in _WORD_NOTES * 2]


@needs_chromium
def test_a_justified_line_stretched_by_a_long_url_below_is_one_line(tmp_path: Path) -> None:
    # in a narrow justified column, a URL too long to share a line leaves the line above
    # with a few words far apart: its wide blanks are word spaces of one width, not the
    # blanks between table cells
    entry = (
        "Salma Idris, the river trade and its towns, Journal of regional"
        " history, no. 4, 2021, <https://example.org/theRiverTradeTowns>"
    )
    body = (
        '<div dir="ltr" style="width: 68mm; margin: 0 auto">'
        f'<p dir="ltr" style="text-align: justify">{html.escape(entry)}</p></div>'
    )
    pdf = _print_pdf(tmp_path, f'<div class="flow">{body}</div>', name="justified")
    lines = [ln for ln in load(pdf).text.split("\n") if ln.strip()]
    assert _squash(" ".join(lines)) == _squash(entry)
    # (each printed line whole: a piece cut off a line would stand alone, one word)
    assert all(len(ln.split()) >= 2 for ln in lines[:-1])


@needs_arabic_font
def test_glyphs_alone_below_a_pages_notes_are_no_text(tmp_path: Path) -> None:
    # a font (Amiri, as Chromium prints it) leaves a few glyphs apart from their letters
    # below the page's last line, in the body's size: they are no line of the page, and
    # the notes above them are still the page's footnote block
    path = tmp_path / "stray.pdf"
    c = _dejavu_canvas(path)
    body = "نقل الكتبيون مخطوطات المدينة إلى الأسواق الكبرى (1)."
    note = "(1) سليم الحداد، أسواق الكتب في المشرق، بيروت، 1988، ص 40."
    for stray in ("أ", "ً"):
        c.setFont("DejaVu", 12)
        for k in range(4):
            c.drawRightString(523, 760 - 18 * k, _visual(body))
        c.setFont("DejaVu", 9)
        c.drawRightString(523, 110, _visual(note))
        c.setFont("DejaVu", 12)
        for x in (150, 400):  # under the notes, in the body's size, far apart
            c.drawRightString(x, 62, stray)
        c.showPage()
    c.save()
    lines = load(path).text.split("\n")
    assert lines.count(NOTES_RULE) == 2
    assert all(ln.strip(" أ\u064b") for ln in lines if ln.strip() and ln != "\f")
    doc = citenorm.extract("\n".join(lines))
    assert [f.number for f in doc.footnotes] == [1, 1]


@needs_arabic_font
def test_a_tatweel_that_stretches_a_word_is_read_as_nothing(tmp_path: Path) -> None:
    # kashida: a justified line (or a font's ligature, Amiri's lam-kaf) stretches a word
    # with tatweels between its letters; the word reads without them. A tatweel after a
    # word's last letter (the Hijri era's هـ) is the text's own
    path = tmp_path / "kashida.pdf"
    c = _dejavu_canvas(path)
    c.setFont("DejaVu", 12)
    printed = "البـــاروني، سالم. الـكتب والمـــكتبات. تونس، 1340 هـ / 1922 م."
    c.drawRightString(523, 760, _visual(printed))
    c.showPage()
    c.save()
    lines = [ln for ln in load(path).text.split("\n") if ln.strip()]
    assert lines == ["الباروني، سالم. الكتب والمكتبات. تونس، 1340 هـ / 1922 م."]
