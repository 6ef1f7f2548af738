"""The page's own project: the one a newsletter or project page is about, which "the project",
"the team" and "Expert team" name, and which takes part in every item of the page.
"""

from __future__ import annotations

from collections.abc import Sequence

from coopgraph.loaders.text.entities import EntityDraft
from coopgraph.loaders.text.found import Found, ItemAimags, Mention


def resolve_home_project(found: Found, items: Sequence[ItemAimags] = (), title_end: int = 0) -> None:
    projects = [d for d in found.table.by_id.values() if d.type == "Project"]
    if not projects:
        return
    home = max(projects, key=lambda d: (d.mentions, -len(d.name)))
    generic = any(h.alias is None for h in found.home_hints)
    if home.mentions < 2 and not (len(projects) == 1 and generic):
        return  # "the project" names the page's project only when one project stands out
    if not _page_wide(home, items, title_end):
        return  # a project named in one news item of several is that item's, not the page's
    found.home_project = home.id
    for h in found.home_hints:
        if h.alias is not None:
            found.table.alias(home, h.alias)
        found.add(Mention(h.span[0], h.span[1], home.id, "Project"))
        home.spans.append(h.span)
    found.home_hints = []


def _page_wide(d: EntityDraft, items: Sequence[ItemAimags], title_end: int) -> bool:
    """Is the project the page's own: named in its title line, or in more than one item (a page of
    one item is its project's page)?"""
    substantial = [it for it in items if it.end - it.start > 150]
    if len(substantial) <= 1 or any(s < title_end for s, _ in d.spans) or _separate_mentions(d) >= 3:
        return True
    seen = {k for s, _ in d.spans for k, it in enumerate(items) if it.holds(s)}
    return len(seen) >= 2


def _separate_mentions(d: EntityDraft) -> int:
    """Mentions of an entity in separate places ('X Project (XP)' is one place, not two)."""
    n, last = 0, -(1 << 30)
    for s, e in sorted(d.spans):
        if s > last + 12:
            n += 1
        last = max(last, e)
    return n
