"""Organisers named by the verbs and phrases news text uses for doing an activity together
(loaders/text/roles.py), on invented sentences."""

from __future__ import annotations

import pytest

from coopgraph.loaders.text.loader import extract_text


def _roles(text: str) -> dict[str, str]:
    rec = extract_text(text)
    names = {e.id: e.name for e in rec.entities}
    ev = rec.events[0]
    out = {}
    for role in ("participants", "supporters", "organisers"):
        for a in getattr(ev, role):
            out[names[a]] = role
    return out


@pytest.mark.parametrize(("text", "organisers"), [
    ("The five-day workshop on 3 May 2021 is the outcome of joint efforts by the Lakeside Water Agency, "
     "the Riverton Heritage Centre and the Northland Culture Fund.",
     {"Lakeside Water Agency", "Riverton Heritage Centre", "Northland Culture Fund"}),
    ("The Lakeside Water Agency teamed up with the Riverton Heritage Centre to deliver a five-day workshop "
     "on 3 May 2021.", {"Lakeside Water Agency"}),
    ("The Riverton Gender Committee has trialed a two-day training module for officials on 3 May 2021.",
     {"Riverton Gender Committee"}),
])
def test_organisers_of_joint_work(text: str, organisers: set[str]) -> None:
    roles = _roles(text)
    assert {n for n, r in roles.items() if r == "organisers"} == organisers


def test_in_cooperation_with_makes_a_supporter_in_partnership_with_an_organiser() -> None:
    cooperation = _roles("The Lakeside Water Agency held a training for 30 teachers on 3 May 2021 in cooperation "
                         "with the Riverton Heritage Centre.")
    partnership = _roles("The Lakeside Water Agency held a training for 30 teachers on 3 May 2021 in partnership "
                         "with the Riverton Heritage Centre.")
    assert cooperation == {"Lakeside Water Agency": "organisers", "Riverton Heritage Centre": "supporters"}
    assert partnership == {"Lakeside Water Agency": "organisers", "Riverton Heritage Centre": "organisers"}


@pytest.mark.parametrize(("text", "expected"), [
    # the parties to an agreement take part in its signing
    ("The Riverton Bank and the Ministry of Roads signed a loan agreement on 3 May 2024.",
     {"Riverton Bank": "participants", "Ministry of Roads": "participants"}),
    ("The Lakeside Water Agency will sign a memorandum with the Riverton Heritage Centre on 3 May 2024.",
     {"Lakeside Water Agency": "participants", "Riverton Heritage Centre": "participants"}),
    # who organised the signing is said by its own cue
    ("The signing ceremony on 3 May 2024 was organised by the Ministry of Roads.", {"Ministry of Roads": "organisers"}),
])
def test_signatories_take_part_in_a_signing(text: str, expected: dict[str, str]) -> None:
    assert _roles(text) == expected


def test_on_a_visit_the_visitors_body_organises() -> None:
    roles = _roles("Ana Velaz, Director of the Riverton Heritage Centre, will visit Lakeside on 3 May 2024 to meet "
                   "the Lakeside Water Agency.")
    assert roles["Riverton Heritage Centre"] == "organisers"
