"""An event's title: its short label, then the start of the sentence that reports it.

'Launch of two projects — On June 4 at the U.S. Embassy, Ambassador A and officials from X and
Y launched two disaster risk reduction projects …'.

Why: a label alone ('visit to Ulaanbaatar', or a headline that is a slogan) does not say who did
what; the reporting sentence does, and an analyst scanning a list of events, or matching them
against their own notes, reads the two together. The label stays first, so lists sort and read
as before, and the event's id is still minted from the label alone.
"""

from __future__ import annotations

import re

from coopgraph.loaders.text.events import first_sentence
from coopgraph.records import TITLE_ACCOUNT_SEPARATOR

#: how much of the reporting sentence a title carries
ACCOUNT_WORDS = 20

#: a dateline opening the sentence: 'Ulaanbaatar /MONTSAME/ ', 'Murun soum, X aimag, 30 September
#: 2013 – ', 'ULAANBAATAR, MONGOLIA – ': it dates and places the story, it does not tell the activity
_DATELINE = re.compile(r"^(?:[A-Z][\w\-’' ,]{1,40}?[ ]*/[A-Z][\w ]{1,20}/[ ]*"
                       r"|[A-Z][^–—\n]{0,80}?\b(?:19|20)\d\d[ ]*[–—-][ ]+"
                       r"|[A-Z][A-Z ,.]{2,40}[ ]*[–—-][ ]+)")
#: a list item's bullet ('- ', '* ', '• ')
_BULLET = re.compile(r"^(?:[-*•·▪–][ ]+)")
_CLAUSE_END = re.compile(r"[;:](?:\s|$)")
_WORD = re.compile(r"[\w’']+")


def with_account(label: str, evidence: str) -> str:
    """``label — first words of the evidence…``; the label alone when the evidence adds nothing
    (it is the label, or all its words are already in the label)."""
    account = _DATELINE.sub("", _BULLET.sub("", " ".join(evidence.split()), count=1), count=1)
    first = first_sentence(account)
    if first is not None:
        account = account[first[0]:first[1]]
    end = _CLAUSE_END.search(account)
    if end is not None and end.start() > 0:
        account = account[:end.start()]
    account = account.rstrip(".!?”\"’' ")
    words = account.split(" ")
    clipped = len(words) > ACCOUNT_WORDS
    account = " ".join(words[:ACCOUNT_WORDS]).rstrip(",;:—–- ")
    if not account:
        return label
    said = [w.casefold() for w in _WORD.findall(account)]
    named = [w.casefold() for w in _WORD.findall(label)]
    if all(w in set(named) for w in said):
        return label  # the account says nothing the label does not
    return f"{label}{TITLE_ACCOUNT_SEPARATOR}{account}{'…' if clipped else ''}"
