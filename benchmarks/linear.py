"""Linear time and bounded memory of ``extract``, ``match`` and ``audit`` on hostile and
huge input (issues 6 and 15).

Run: ``.venv/bin/python benchmarks/linear.py [--quick] [--repeat=N] [--kind K ...]``. Each
input is built and measured in a fresh subprocess (so peak memory is its own): the time
of ``extract``, then ``match``, then ``audit`` on the same text, per MB at 1, 4 and 16 MB
(flat = linear; "records per MB" shows how much each input holds), and the peak memory
as a multiple of the input (the growth of resident memory above the input text and the
warmed-up interpreter, numpy and scipy loaded, up to the end of each command). Times are the process's CPU time
(other jobs on a shared machine add wall time, not CPU time); a command is the library
call chain the CLI makes (``match`` = extract + match, ``audit`` = extract + match +
audit). The child runs under a 4 GB address-space limit, so a memory blow-up is
reported ("MemoryError") instead of taking the machine down. Also: the number of pairs
``match`` scores on long lists against its documented blocking caps. Prints Markdown.

Inputs ("kinds"): ``article`` (the fixtures repeated, years shifted), ``article-unique``
(the same with no string repeated), ``long-line`` (one list line, no newline),
``citations`` (in-text citations, footnotes and entries with distinct authors, as
many of each: 4,000 took 51 s to match and 98 s to audit), ``lists`` (an Arabic list
and its romanized list: 10,000 x 10,000 took 29 s and 1.84 GB), ``dashes`` (a list of
``-`` lines: 16 MB peaked at 5.96 GB), ``hijri`` (list entries full of Hijri dates: 1 MB
peaked at 56x), and two fixed ones, ``parens`` (100,000 ``(``) and ``markers``
(100,000 footnote markers, 2,000 footnotes).
"""

from __future__ import annotations

import json
import random
import re
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = sorted([*ROOT.glob("fixtures/dev/*.txt"), *ROOT.glob("fixtures/seed/*.txt")])
MB = 1 << 20


def article(size: int, seed: int = 6) -> str:
    """Fixture articles repeated and perturbed (years and digits shifted) up to ``size``."""
    rng = random.Random(seed)
    texts = [p.read_text(encoding="utf-8") for p in FIXTURES]
    out: list[str] = []
    total = 0
    while total < size:
        t = rng.choice(texts)
        shift = rng.randrange(1, 9)
        t = re.sub(
            r"(?<![0-9])(19|20)([0-9])([0-9])(?![0-9])",
            lambda m, k=shift: f"{m[1]}{m[2]}{(int(m[3]) + k) % 10}",
            t,
        )
        out.append(t)
        total += len(t.encode("utf-8"))
    return "\n".join(out)[: size // 2 * 2]


def unique(text: str, seed: int = 6) -> str:
    """``text`` with two letters of every word of 5+ letters replaced, outside short lines
    (headings): repeated fixtures no longer repeat strings, so per-string memos miss as on
    a real article and fill up."""
    rng = random.Random(seed)
    arabic, latin = "ابتثجحخدذرسشصضطظعغفقكلمنهوي", "abcdefghijklmnopqrstuvwxyz"

    def alter(m: re.Match[str]) -> str:
        w = list(m[0])
        for _ in range(2):
            k = rng.randrange(len(w))
            w[k] = rng.choice(arabic if "\u0600" <= w[k] <= "\u06ff" else latin)
        return "".join(w)

    word = re.compile(r"[^\W\d_]{5,}")
    return "\n".join(word.sub(alter, ln) if len(ln) > 40 else ln for ln in text.split("\n"))


_AR = "بتسمرلكنحدجفقوي"
_LA = ["ba", "ta", "sa", "ma", "ra", "la", "ka", "na", "ha", "da", "ja", "fa", "qa", "wa", "ya"]


def _word(rng: random.Random, lo: int = 2, hi: int = 4) -> tuple[str, str]:
    """A random word in Arabic letters and its romanization (syllable by syllable)."""
    ks = [rng.randrange(len(_AR)) for _ in range(rng.randint(lo, hi))]
    return "".join(_AR[k] for k in ks), "".join(_LA[k] for k in ks)


def lists(size: int, seed: int = 15) -> str:
    """An Arabic list and its romanized list (shuffled), as many entries each, ~size bytes."""
    rng = random.Random(seed)
    ar: list[str] = []
    la: list[str] = []
    total = 0
    while total < size:
        fam, given, title = _word(rng), _word(rng), [_word(rng) for _ in range(rng.randint(2, 5))]
        city, year = _word(rng), 1900 + rng.randrange(124)
        ar.append(f"ال{fam[0]}، {given[0]}، {' '.join(w[0] for w in title)}، {city[0]}، {year}.")
        la.append(
            f"al-{fam[1].capitalize()}, {given[1].capitalize()}, "
            f"{' '.join(w[1] for w in title).capitalize()}, {city[1].capitalize()}, {year}."
        )
        total += len(ar[-1].encode()) + len(la[-1].encode()) + 12
    rng.shuffle(la)
    return (
        "المصادر\n"
        + "".join(f"{k}. {e}\n" for k, e in enumerate(ar, 1))
        + "\nBibliography\n"
        + "".join(f"{k}. {e}\n" for k, e in enumerate(la, 1))
    )


def citations(size: int, seed: int = 15) -> str:
    """In-text citations, footnotes and entries of distinct authors, as many of each."""
    rng = random.Random(seed)
    body: list[str] = []
    notes: list[str] = []
    entries: list[str] = []
    total, k = 0, 0
    while total < size:
        fam, title, year = _word(rng, 3, 5)[0], _word(rng)[0], 1950 + rng.randrange(70)
        k += 1
        body.append(f"وقد ذكر ذلك (ال{fam}، {year}) في دراسته ({k % 300 + 1}).")
        notes.append(f"({k % 300 + 1}) ال{fam}، محمد، كتاب {title}، بغداد، {year}، ص {k}.")
        entries.append(
            f"{k}. ال{fam}، محمد، كتاب {title} {_word(rng)[0]}، دار {_word(rng)[0]}، بغداد، {year}."
        )
        total += sum(len(x.encode()) + 1 for x in (body[-1], notes[-1], entries[-1]))
    return "\n".join([*body, *notes, "المصادر", *entries]) + "\n"


def build(kind: str, size: int) -> str:
    if kind == "lists":
        return lists(size)
    if kind == "citations":
        return citations(size)
    if kind == "dashes":  # a list of "-" lines
        return "المصادر\n" + "-\n" * (size // 2)
    if kind == "hijri":  # list entries made of Hijri dates
        line = "1- كتاب " + "١٤٢٠هـ/١٩٩٩م، " * 10 + "\n"
        return "المصادر\n" + line * (size // len(line.encode()) + 1)
    if kind == "article":
        return article(size)
    if kind == "article-unique":
        return unique(article(size))
    if kind == "long-line":  # one line, no newline, inside a list
        words = "العتيبي، محمد، كتاب الأمن، بغداد، 2015، ص 4. Smith, J. (2019). Title. "
        return "المصادر\n" + (words * (size // len(words.encode()) + 1))[: size // 2]
    if kind == "parens":
        return "(" * size
    if kind == "markers":  # footnote markers in the body, then their footnotes
        body = "".join(f"نص ({k % 999 + 1}) " for k in range(size // 20))
        return body + "\n" + "".join(f"({k % 999 + 1}) فلان، كتاب، 2001\n" for k in range(2000))
    raise ValueError(kind)


def _status_kb(field: str) -> int:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise OSError(field)


def peak_start() -> tuple[int, bool]:
    """The resident memory (KB) before a measurement, with the peak reset to it.

    On Linux the high-water mark is reset (``/proc/self/clear_refs``), so the peak that
    follows is the measured call's own, above the input and the interpreter, whatever
    building the input cost. Elsewhere: the peak so far (``ru_maxrss``), a lower bound.
    """
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as f:
            f.write("5")
        return _status_kb("VmRSS"), True
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, False


def peak_growth(start: tuple[int, bool]) -> int:
    """Peak resident memory (KB) since :func:`peak_start`, above its value."""
    base, proc = start
    peak = _status_kb("VmHWM") if proc else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return max(peak - base, 0)


CHILD = r"""
import json, resource, sys, time
resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))
sys.path.insert(0, {bench!r})
import citenorm
from citenorm.auditing import audit
from linear import build, peak_growth, peak_start
text = build({kind!r}, {size})
audit(citenorm.match(citenorm.extract("المصادر\n1- فلان، كتاب، 2001\n")))  # warm
import numpy, scipy.sparse.csgraph  # libraries match may load: not the input's cost
out = {{"bytes": len(text.encode("utf-8"))}}
start = peak_start()
try:
    t = time.process_time()
    doc = citenorm.extract(text)
    out["extract"] = time.process_time() - t
    out["extract_kb"] = peak_growth(start)
    out["records"] = len(doc.entries) + len(doc.footnotes) + len(doc.in_text)
    t = time.process_time()
    result = citenorm.match(doc)
    out["match"] = out["extract"] + time.process_time() - t
    out["match_kb"] = peak_growth(start)
    t = time.process_time()
    audit(result)
    out["audit"] = out["match"] + time.process_time() - t
    out["audit_kb"] = peak_growth(start)
except MemoryError:
    out["error"] = "MemoryError"
print(json.dumps(out))
"""

COMMANDS = ("extract", "match", "audit")


def measure(kind: str, size: int, timeout: float, repeat: int = 1) -> dict[str, Any] | None:
    """``repeat`` fresh runs: the least time of each command (another process on the
    machine only ever adds time) and the greatest peak memory; ``None`` on timeout."""
    code = CHILD.format(bench=str(Path(__file__).parent), kind=kind, size=size)
    best: dict[str, Any] | None = None
    for _ in range(repeat):
        try:
            proc = subprocess.run(
                [sys.executable, "-c", code],
                capture_output=True,
                text=True,
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired:
            return None
        if proc.returncode != 0:
            raise SystemExit(proc.stderr)
        r = json.loads(proc.stdout.strip().splitlines()[-1])
        if best is not None:
            for c in COMMANDS:
                if c in r and c in best:
                    r[c] = min(r[c], best[c])
                    r[c + "_kb"] = max(r[c + "_kb"], best[c + "_kb"])
        best = r
    return best


def blocking(n: int) -> tuple[int, int, int, int, float]:
    """Scored pairs / footnote comparisons on lists of ``n`` entries per side."""
    import citenorm
    from citenorm.matching import citations, scoring
    from citenorm.matching.blocking import BLOCKING_THRESHOLD, MAX_CANDIDATES
    from citenorm.matching.citations import MAX_FOOTNOTE_CANDIDATES

    rng = random.Random(1)
    ar = "".join(
        f"{k}- الفلاني{k}، محمد، كتاب رقم {k}، دار النشر، بغداد، {1900 + rng.randrange(120)}.\n"
        for k in range(1, n + 1)
    )
    la = "".join(
        f"{k}. al-Falani{k}, Muhammad, Kitab raqm {k}, Dar al-Nashr, Baghdad, {1900 + rng.randrange(120)}.\n"
        for k in range(1, n + 1)
    )
    notes = "".join(f"({k % 9 + 1}) محمد الفلاني{k}، كتاب رقم {k}، ص {k}\n" for k in range(n))
    text = "مقدمة (1)\n" + notes + "المصادر\n" + ar + "References\n" + la
    doc = citenorm.extract(text)
    calls = {"pairs": 0, "notes": 0}
    real = scoring.pair_score

    def pair_counter(a, b, *, mode, **options):  # type: ignore[no-untyped-def]
        calls["pairs" if mode == scoring.CROSS and a.id.startswith("e") else "notes"] += 1
        return real(a, b, mode=mode, **options)

    import citenorm.matching as m

    m.pair_score = pair_counter  # type: ignore[assignment]
    citations.pair_score = pair_counter  # type: ignore[assignment]
    t = time.perf_counter()
    try:
        citenorm.match(doc)
    finally:
        m.pair_score = real  # type: ignore[assignment]
        citations.pair_score = real  # type: ignore[assignment]
    dt = time.perf_counter() - t
    arabic = sum(1 for e in doc.entries if e.script == "arabic" and e.list == "original")
    latin = sum(1 for e in doc.entries if e.list == "romanized")
    assert arabic * latin > BLOCKING_THRESHOLD
    cap_pairs = 2 * MAX_CANDIDATES * (arabic + latin)
    cap_notes = 2 * 2 * MAX_FOOTNOTE_CANDIDATES * len(doc.footnotes)  # same + cross script
    assert calls["pairs"] <= cap_pairs, (calls, cap_pairs)
    assert calls["notes"] <= cap_notes, (calls, cap_notes)
    return calls["pairs"], cap_pairs, calls["notes"], cap_notes, dt


SCALED = ("article", "article-unique", "long-line", "citations", "lists", "dashes", "hijri")
FIXED = {"parens": 100_000, "markers": 2_000_000}


USAGE = """usage: linear.py [--quick] [--repeat=N] [--kind KIND ...]

CPU seconds per MB and peak memory / input of extract, match and audit, each input in a
fresh subprocess, at 1, 4 and 16 MB (--quick: 1 and 4 MB). --kind (repeatable) runs only
those inputs: {kinds}, or blocking (the match blocking table). --repeat=N: N runs each,
the least time and the greatest peak. Heavy: run it under `nice -n 10`."""


def main() -> None:
    args = sys.argv[1:]
    if "-h" in args or "--help" in args:
        print(USAGE.format(kinds=", ".join((*SCALED, *FIXED))))
        return
    quick = "--quick" in args
    sizes = [MB, 4 * MB] if quick else [MB, 4 * MB, 16 * MB]
    repeat = next((int(a.split("=")[1]) for a in args if a.startswith("--repeat=")), 1)
    chosen = [args[i + 1] for i, a in enumerate(args) if a == "--kind" and i + 1 < len(args)]
    rows: list[tuple[str, int, dict[str, Any] | None]] = []
    for kind in SCALED:
        if chosen and kind not in chosen:
            continue
        for size in sizes:
            rows.append((kind, size, measure(kind, size, timeout=3600, repeat=repeat)))
            _row(*rows[-1], header=len(rows) == 1)
    for kind, size in FIXED.items():
        if not chosen or kind in chosen:
            rows.append((kind, size, measure(kind, size, timeout=1200, repeat=repeat)))
            _row(*rows[-1], header=len(rows) == 1)
    if chosen and "blocking" not in chosen:
        return
    print()
    print(
        "| match: entries per side | scored pairs | cap 2·MAX_CANDIDATES·(n+m) | footnote scorings | cap | seconds |"
    )
    print("|---:|---:|---:|---:|---:|---:|")
    for n in (250, 1000):
        p, cp, f, cf, dt = blocking(n)
        print(f"| {n} | {p} | {cp} | {f} | {cf} | {dt:.1f} |")
    print(
        f"\npeak RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB"
    )


def _row(kind: str, size: int, r: dict[str, Any] | None, *, header: bool) -> None:
    """One Markdown row per input: per command, CPU seconds per MB and peak / input."""
    if header:
        cells = " | ".join(f"{c} s/MB | {c} peak" for c in COMMANDS)
        print(f"| input | size | records per MB | {cells} |")
        print("|---|---:|---:|" + "---:|" * (2 * len(COMMANDS)))
    if r is None:
        print(f"| {kind} | {size / MB:.2f} MB | — |" + " timeout | — |" * len(COMMANDS), flush=True)
        return
    mb = r["bytes"] / MB
    cells = []
    for c in COMMANDS:
        if c in r:
            cells.append(f"{r[c] / mb:.2f} | {r[c + '_kb'] * 1024 / r['bytes']:.1f}x")
        else:
            cells.append(f"{r.get('error', '—')} | —")
    records = f"{r['records'] / mb:.0f}" if "records" in r else "—"
    print(f"| {kind} | {mb:.2f} MB | {records} | " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
