"""Extraction speed per reading, in KB of text per CPU-second (one core), as the README reports.

    python benchmarks/reading_speed.py [--reading full|rules] [--repeat 3] [DOC ...]

Documents default to the bundled corpus and the held-out, devset and dev2 documents of
tests/data. The model is loaded and the documents read once before timing; the best of the
repeats counts, since other processes on a shared machine only ever slow a run down.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from coopgraph.loaders.text import statistical
from coopgraph.loaders.text.loader import extract_text

ROOT = Path(__file__).resolve().parents[1]


def _documents(given: list[str]) -> list[Path]:
    if given:
        return [Path(p) for p in given]
    data = ROOT / "tests" / "data"
    return (sorted((ROOT / "data" / "corpus").glob("*.txt"))
            + [p for folder in ("heldout", "devset", "dev2") for p in sorted((data / folder).glob("*.txt"))])


def measure(paths: list[Path], reading: str, repeat: int) -> tuple[float, float]:
    """(KB of text, best CPU seconds) for reading every document ``repeat`` times."""
    texts = [(p.read_text(encoding="utf-8"), p.name) for p in paths]
    statistical.current_reading.set(reading)  # type: ignore[arg-type]
    for text, name in texts:
        extract_text(text, name)
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        for text, name in texts:
            extract_text(text, name)
        best = min(best, time.process_time() - t0)
    return sum(len(t.encode()) for t, _ in texts) / 1000, best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reading", choices=["full", "rules"], default="full")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("documents", nargs="*")
    args = ap.parse_args()
    kb, seconds = measure(_documents(args.documents), args.reading, args.repeat)
    print(f"{args.reading}: {kb:.0f} KB in {seconds:.2f} s CPU = {kb / seconds:.0f} KB/s per core")


if __name__ == "__main__":
    main()
