"""Union-find over 0..n-1 (path halving; the smaller root is kept, so the result does not
depend on the order of the unions). Entity identity and event identity both group mentions
with it."""

from __future__ import annotations


class UnionFind:
    """Disjoint sets of the integers 0..n-1."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)
