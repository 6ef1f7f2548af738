"""One regular-expression alternation for a list of names, built as a character trie.

Why: Python's ``re`` tries every branch of ``a|b|c|...`` at every position, so a gazetteer of a
few hundred names costs hundreds of comparisons per character. Factoring common prefixes into a
trie leaves one branch per distinct next character. The pattern matches exactly what the flat,
longest-first alternation matched: at each node the longer continuations are tried before the
name may end there, so the first match found is the longest one the surrounding pattern accepts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: a node of the trie: the next character to its node, "" marking the end of a word
_Node = dict[str, "_Node"]


def trie_alternation(words: Iterable[str], *, fold: bool = False) -> str:
    """A regex (no capturing groups) matching any of ``words``; ``fold`` lower-cases them first.

    Use ``fold=True`` only with patterns compiled with ``re.IGNORECASE``. Raises nothing; an empty
    list gives a pattern that never matches.
    """
    root: _Node = {}
    for w in words:
        if not w:
            continue
        node = root
        for ch in (w.lower() if fold else w):
            node = node.setdefault(ch, {})
        node[""] = {}
    if not root:
        return "(?!)"
    return _build(root)


def _build(node: _Node) -> str:
    alts = [re.escape(ch) + _build(node[ch]) for ch in sorted(k for k in node if k)]
    if not alts:
        return ""
    if "" in node:
        alts.append("")
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
