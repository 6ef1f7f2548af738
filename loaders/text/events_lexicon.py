"""The lexicon of activities: the nouns and verbs by which the genre reports that something was
done, and the event type each names.

Why one module: the event reader (is this item a report of an activity?), the role reader (does
this sentence speak of the activity or of background?) and the venue reader all need the same
words, and a word added here (a "handover", a "groundbreaking") reaches every one of them.
"""

from __future__ import annotations

import re

#: verbs and nouns that report an activity (any type)
ACTIVITY_WORDS = re.compile(
    r"\b(?:organi[sz]ed|organi[sz]ing|organi[sz]e|held|hold|holds|took\s+place|take\s+place|takes\s+place|"
    r"conducted|hosted|hosting|hosts|visited|visits?|visiting|launched|launch|launches|attended|attend|"
    r"participated|participate|training|trainings|trained|workshops?|seminars?|webinars?|meetings?|"
    r"conferences?|forums?|expo|exhibition|survey|ceremony|ceremonies|event|contract|refurbishment|"
    r"activit(?:y|ies)|signed|signing|signs?|(?:met|meet)(?!\s+(?:the\s+|their\s+|its\s+)?(?:[\w\-]+\s+){0,2}"
    r"(?:needs|requirements?|demands?|standards?|criteria|targets?|goals?|expectations?|deadlines?|obligations?))|"
    r"convened|presented|handed\s+over|hands?\s+over|"
    r"handover|donated|donates?|donation|delivered|inaugurated|inauguration|opened|opening|"
    r"kicked\s+off|kick-off|groundbreaking|ground-breaking|unveiled|celebrated|awarded|graduated|"
    r"consultations?|policy\s+dialogue|study\s+tour|tour|fair|course|courses|discussed|gathered|"
    r"validated|validation|reviewed|distributed|distribution|"
    # "received more medical supplies from X": a delivery told from the receiving side
    r"receive[ds]?\s+(?:[\w\-]+\s+){0,3}?(?:supplies|equipment|aid|donations?|vehicles|ambulances|masks|kits|grants?))\b",
    re.I)

#: the nouns that name a project in running text ("the X project", "a UN programme")
PROJECT_WORD = re.compile(r"\b(?:project|programme|program|initiative|facility)\b", re.I)
