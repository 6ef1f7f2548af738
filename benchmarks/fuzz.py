"""A long fuzz run over every loader: random and hostile documents, counted crashes and hangs.

    python benchmarks/fuzz.py --documents 10000 [--seed 13] [--hang 10] [--out fuzz.json] \
        [--keep DIR] [--start N]

Each document is made from a seeded random mix of real sentences, hostile repetitive units (the
issue-13 cases: capitals, acronym lists, runs of capitalised words, blank lines, lone
surrogates, control characters) and random bytes, wrapped as text, Markdown, HTML, a JSON or
CSV register, IATI XML or a .docx. Each is loaded the way a build loads it. A **crash** is any
exception that is not a ``CoopgraphError`` (a one-line report); a **hang** is a document that
takes longer than ``--hang`` seconds of CPU time (CPU, not wall time: on a shared machine
another job's load is not this document's hang); a **bad span** is evidence whose span is not inside the
text. Each crash or hang is printed when it happens and, with ``--keep DIR``, its document is
copied there to reproduce it; ``--start N`` skips the first N documents of the seed's sequence
(they are still generated, so document N is the same file as in a full run). The figures go to
benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import signal
import sys
import tempfile
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from hostile_files import (FUZZ_KINDS, FUZZ_SENTENCES, FUZZ_UNITS,
                           write_document)

from coopgraph.errors import CoopgraphError
from coopgraph.loaders.registry import find_loader

SENTENCES, UNITS = FUZZ_SENTENCES, FUZZ_UNITS


def random_text(rng: random.Random) -> str:
    parts: list[str] = []
    for _ in range(rng.randint(1, 12)):
        roll = rng.random()
        if roll < 0.45:
            parts.append(rng.choice(SENTENCES))
        elif roll < 0.85:
            parts.append(rng.choice(UNITS) * rng.choice([1, 3, 50, 500, 3000]))
        else:
            parts.append("".join(chr(rng.randint(1, 0x2FFF)) for _ in range(rng.randint(1, 200))))
        parts.append(rng.choice([" ", "\n", "\n\n", ""]))
    return "".join(parts)


def make_document(rng: random.Random, folder: Path, n: int) -> Path:
    """One random document of a random kind."""
    text = random_text(rng)
    kind = rng.choice(FUZZ_KINDS)
    divs = rng.randint(0, 300) if kind == "html" else 0
    activities = rng.randint(1, 5) if kind == "iati" else 1
    raw = bytes(rng.randrange(256) for _ in range(rng.randint(1, 4000))) if kind == "bytes" \
        else b""
    return write_document(folder, n, kind, text, divs=divs, activities=activities, raw=raw)


class _Hang(Exception):
    pass


def _alarm(*_: object) -> None:
    raise _Hang


def _note(kind: str, path: Path, detail: str, keep: Path | None) -> str:
    """One example line, printed at once; the document is copied to ``keep`` when given."""
    line = f"{kind}: {path.name}{': ' + detail if detail else ''}"
    print(line, file=sys.stderr, flush=True)
    if keep is not None:
        keep.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, keep / path.name)
    return line


def run(documents: int, seed: int, hang: float, keep: Path | None = None,
        start: int = 0) -> dict[str, object]:
    rng = random.Random(seed)
    signal.signal(signal.SIGPROF, _alarm)
    counts = {"documents": 0, "loaded": 0, "reported": 0, "crashes": 0, "hangs": 0,
              "bad_spans": 0}
    examples: list[str] = []
    slowest = 0.0
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for n in range(start + documents):
            path = make_document(rng, Path(tmp), n)
            if n < start:
                path.unlink()
                continue
            t0 = time.process_time()
            signal.setitimer(signal.ITIMER_PROF, hang)
            try:
                record = find_loader(path).load(path)
                counts["loaded"] += 1
                spans = [ev.span for ev in record.events if ev.span] + \
                        [r.span for r in record.relations if r.span]
                limit = record.source.size if record.source else 0
                if any(a < 0 or b < a or (path.suffix in (".txt", ".md") and b > limit)
                       for a, b in spans):
                    counts["bad_spans"] += 1
            except CoopgraphError:
                counts["reported"] += 1
            except _Hang:
                counts["hangs"] += 1
                examples.append(_note("hang", path, "", keep))
            except Exception:  # noqa: BLE001 - counting crashes is the point
                counts["crashes"] += 1
                examples.append(_note("crash", path, traceback.format_exc()[-600:], keep))
            finally:
                signal.setitimer(signal.ITIMER_PROF, 0)
            slowest = max(slowest, time.process_time() - t0)
            counts["documents"] += 1
            path.unlink()
            if counts["documents"] % 500 == 0:
                print(f"{n + 1} documents: {counts}", file=sys.stderr, flush=True)
    return {**counts, "seed": seed, "start": start, "hang_cpu_seconds": hang,
            "slowest_cpu_seconds": round(slowest, 2),
            "total_seconds": round(time.perf_counter() - started, 1), "examples": examples[:20]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--hang", type=float, default=10.0, help="seconds that count as a hang")
    parser.add_argument("--out", type=Path, help="write the figures as JSON here too")
    parser.add_argument("--keep", type=Path, help="copy each crashing or hanging document here")
    parser.add_argument("--start", type=int, default=0,
                        help="skip the first N documents of the seed's sequence")
    args = parser.parse_args()
    result = run(args.documents, args.seed, args.hang, args.keep, args.start)
    text = json.dumps(result, indent=2)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    return 0 if result["crashes"] == result["hangs"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
