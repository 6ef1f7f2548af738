"""A text's lines with their offsets: what the cleanup and the item splitter both walk."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Line:
    """One line of a text: its offsets (end excludes the newline) and its characters."""

    start: int
    end: int
    text: str


def text_lines(text: str) -> list[Line]:
    """Every line of ``text``, empty ones included, in order."""
    out: list[Line] = []
    pos = 0
    for chunk in text.split("\n"):
        out.append(Line(pos, pos + len(chunk), chunk))
        pos += len(chunk) + 1
    return out


def trimmed(text: str, spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans without the white space at their ends; spans left empty are dropped."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out
