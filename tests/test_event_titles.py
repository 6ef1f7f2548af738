"""An event's title: its label, then the start of the sentence that reports it
(loaders/text/event_titles.py)."""

from __future__ import annotations

import pytest

from coopgraph.loaders.text.event_titles import ACCOUNT_WORDS, with_account


@pytest.mark.parametrize(("label", "evidence", "title"), [
    # the label, then what the sentence says, up to its first clause stop
    ("Visit to Riverton", "Director A. Berg of the Lakeside Agency will visit Riverton this week. He will meet B.",
     "Visit to Riverton — Director A. Berg of the Lakeside Agency will visit Riverton this week"),
    # a dateline opening the sentence is not the account
    ("Handover of supplies", "Riverton /NEWSWIRE/ The agency handed over supplies to two schools.",
     "Handover of supplies — The agency handed over supplies to two schools"),
    ("Handover of supplies", "Murun soum, Riverton aimag, 30 September 2013 – The agency handed over supplies.",
     "Handover of supplies — The agency handed over supplies"),
    # nothing new to say: the label alone
    ("The agency handed over supplies", "The agency handed over supplies.", "The agency handed over supplies"),
])
def test_title_with_account(label: str, evidence: str, title: str) -> None:
    assert with_account(label, evidence) == title


def test_a_long_account_is_clipped_with_an_ellipsis() -> None:
    evidence = " ".join(f"w{i}" for i in range(50)) + "."
    title = with_account("Meeting", evidence)
    assert title == "Meeting — " + " ".join(f"w{i}" for i in range(ACCOUNT_WORDS)) + "…"
