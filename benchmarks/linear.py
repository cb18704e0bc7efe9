"""Linear time and bounded memory of ``extract`` on hostile and huge input (issue 6).

Run: ``.venv/bin/python benchmarks/linear.py [--quick] [--repeat=N]``. Each measurement runs in a fresh
subprocess (so peak RSS is its own): the time of ``extract`` per MB at 1, 4 and 16 MB
(flat = linear; "records per MB" shows how much each input holds: the fixture mix
varies with the size), the peak memory over the input size (the growth of resident memory
during ``extract``, above the input text and the warmed-up interpreter), and the number
of pairs ``match`` scores on long lists against its documented blocking caps. Prints a
Markdown table.
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


def build(kind: str, size: int) -> str:
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
import json, sys, time
sys.path.insert(0, {bench!r})
import citenorm
from linear import build, peak_growth, peak_start
text = build({kind!r}, {size})
citenorm.extract("المصادر\n1- فلان، كتاب، 2001\n")  # warm lazy imports
start = peak_start()
t = time.perf_counter()
doc = citenorm.extract(text)
dt = time.perf_counter() - t
peak = peak_growth(start)
print(json.dumps({{"bytes": len(text.encode("utf-8")), "seconds": dt,
                  "peak_kb": peak, "entries": len(doc.entries),
                  "footnotes": len(doc.footnotes)}}))
"""


def measure(kind: str, size: int, timeout: float, repeat: int = 1) -> dict[str, float] | None:
    """``repeat`` fresh runs: the least time (another process on the machine only ever
    adds time) and the greatest peak memory."""
    code = CHILD.format(bench=str(Path(__file__).parent), kind=kind, size=size)
    best: dict[str, float] | None = None
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
            r["peak_kb"] = max(r["peak_kb"], best["peak_kb"])
            r["seconds"] = min(r["seconds"], best["seconds"])
        best = r
    return best


def blocking(n: int) -> tuple[int, int, int, int, float]:
    """Scored pairs / footnote comparisons on lists of ``n`` entries per side."""
    import citenorm
    from citenorm.matching import assign, citations, scoring
    from citenorm.matching.assign import BLOCKING_THRESHOLD, MAX_CANDIDATES
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
    del assign
    return calls["pairs"], cap_pairs, calls["notes"], cap_notes, dt


def main() -> None:
    quick = "--quick" in sys.argv
    sizes = [MB, 4 * MB] if quick else [MB, 4 * MB, 16 * MB]
    repeat = next((int(a.split("=")[1]) for a in sys.argv if a.startswith("--repeat=")), 1)
    rows = []
    for kind, limit in (("article", 900), ("article-unique", 900), ("long-line", 120)):
        for size in sizes:
            rows.append((kind, size, measure(kind, size, timeout=limit, repeat=repeat)))
    rows.append(("parens", 100_000, measure("parens", 100_000, timeout=600, repeat=repeat)))
    rows.append(("markers", 2_000_000, measure("markers", 2_000_000, timeout=600, repeat=repeat)))
    print("| input | size | records per MB | extract s | s per MB | peak memory / input |")
    print("|---|---:|---:|---:|---:|---:|")
    for kind, size, r in rows:
        if r is None:
            print(f"| {kind} | {size / MB:.2f} MB | — | timeout | — | — |")
            continue
        mb = r["bytes"] / MB
        ratio = r["peak_kb"] * 1024 / r["bytes"]
        records = (r["entries"] + r["footnotes"]) / mb
        print(
            f"| {kind} | {mb:.2f} MB | {records:.0f} | {r['seconds']:.2f} | "
            f"{r['seconds'] / mb:.2f} | {ratio:.1f}x |"
        )
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


if __name__ == "__main__":
    main()
