"""Write N synthetic project news pages and their gold files, from a seeded random generator.

    python benchmarks/generate_corpus.py 1000 /tmp/corpus --seed 7

Each page looks like the bundled SECiM page: a project introduced with its funder, implementer
and aimags; news items whose headings end in a year that dates a body giving only day and month;
acronyms defined once then reused; people with roles; an "Upcoming Events" section; PDF-style
garbling ("orga-nized"). The gold file (OUT_DIR/gold/<stem>.gold.json, format of
shared/gold/SCHEMA.md) records exactly what was written, so speed and quality are measured on
the same run. Document i depends only on (seed, i): a corpus of 100 is a prefix of one of 1,000.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import pools

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
GARBLE = {"organized": "orga-nized", "conducted": "con-ducted", "participants": "partici-pants",
          "attended": "atten-ded", "presented": "pre-sented", "discussed": "dis-cussed"}
NATIONAL = pools.national_bodies()
INTERNATIONAL = pools.international_bodies()
PROJECTS = pools.projects()
AIMAGS = pools.aimags()
COUNTRIES = pools.countries()


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


@dataclass
class Page:
    """One document being written: its text parts and the gold facts they state."""

    rng: random.Random
    stem: str
    parts: list[str] = field(default_factory=list)
    entities: dict[str, dict[str, Any]] = field(default_factory=dict)
    events: list[dict[str, Any]] = field(default_factory=list)
    relations: list[dict[str, Any]] = field(default_factory=list)
    acronyms: set[str] = field(default_factory=set)

    # -- entities -----------------------------------------------------------------------------
    def body(self, b: pools.Body) -> tuple[str, str]:
        """(id, text to write) for an organisation or project: full name with its acronym the
        first time, the acronym afterwards."""
        eid = slug(b.acronym or b.name) if b.type == "Project" else slug(b.name)
        first = eid not in self.entities
        if first:
            e: dict[str, Any] = {"id": eid, "type": b.type, "name": b.name,
                                 "aliases": [b.acronym] if b.acronym else []}
            if b.type == "Organisation":
                e["category"] = b.category
            else:
                e.update(funders=[], implementers=[])
            self.entities[eid] = e
        if b.type == "Project":
            text = f"the {b.name} ({b.acronym}) project" if first else f"{b.acronym} project"
        elif b.acronym:
            text = f"the {b.name} ({b.acronym})" if first else b.acronym
        else:
            text = f"the {b.name}"
        return eid, text

    def short(self, eid: str) -> str:
        """How a body already introduced is named again: its acronym, else "the" + name."""
        e = self.entities[eid]
        return e["aliases"][0] if e["aliases"] else f"the {e['name']}"

    def place(self, name: str, place_type: str) -> str:
        eid = slug(name)
        if eid not in self.entities:
            e = {"id": eid, "type": "Place", "name": name, "aliases": [], "place_type": place_type}
            if place_type in ("aimag", "city"):
                e["parent"] = "mongolia"
            self.entities[eid] = e
        return eid

    def person(self, affiliation: str, affiliation_text: str) -> tuple[str, str]:
        name = f"{self.rng.choice(pools.FIRST_NAMES)} {self.rng.choice(pools.LAST_NAMES)}"
        eid = slug(name)
        role = self.rng.choice(pools.ROLE_TITLES)
        if eid not in self.entities:
            self.entities[eid] = {"id": eid, "type": "Person", "name": name, "aliases": [],
                                  "affiliation": affiliation, "role": role}
        role = self.entities[eid]["role"]
        title = self.rng.choice(("Ms.", "Mr."))
        return eid, f"{affiliation_text} {role} {title} {name}"

    def pick(self, pool: tuple[pools.Body, ...], k: int = 1) -> list[pools.Body]:
        """k bodies whose acronyms are not yet taken on this page by another body."""
        out: list[pools.Body] = []
        for b in self.rng.sample(pool, len(pool)):
            key = b.acronym or b.name
            eid = slug(b.name) if b.type == "Organisation" else slug(key)
            if eid in self.entities or key not in self.acronyms:
                out.append(b)
                self.acronyms.add(key)
            if len(out) == k:
                break
        return out

    def garble(self, text: str) -> str:
        for word, broken in GARBLE.items():
            if word in text and self.rng.random() < 0.2:
                text = text.replace(word, broken, 1)
        return text

    def gold(self) -> dict[str, Any]:
        return {"document": f"{self.stem}.txt", "entities": list(self.entities.values()),
                "events": self.events, "relations": self.relations}


def listing(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def date_phrase(rng: random.Random, year: int, *, with_year: bool = False
                ) -> tuple[str, str | None, str | None, str]:
    """(phrase, start, end, precision) in one of the formats the pages use."""
    m = rng.randint(1, 12)
    d1 = rng.randint(1, 25)
    d2 = d1 + rng.randint(1, 3)
    month = MONTHS[m - 1]
    day = f"{year}-{m:02d}-{d1:02d}"
    span_end = f"{year}-{m:02d}-{d2:02d}"
    y = f" {year}"
    shown = y if with_year else rng.choice(("", y))
    kind = rng.randint(0, 6 if not with_year else 5)
    if kind == 0:
        return f"on {d1} {month}{shown}", day, day, "day"
    if kind == 1:
        return f"on {month} {d1}, {year}", day, day, "day"
    if kind == 2:
        suffix = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd"}.get(d1, "th")
        return f"on the {d1}{suffix} of {month}{shown}", day, day, "day"
    if kind == 3:
        return f"on {d1}-{d2} th {month}{shown}", day, span_end, "day"
    if kind == 4:
        return f"from {d1} to {d2} {month}{shown}", day, span_end, "day"
    if kind == 5:
        return f"in {month} {year}", f"{year}-{m:02d}", f"{year}-{m:02d}", "month"
    return "", str(year), str(year), "year"


def news_item(page: Page, own: tuple[str, str], year: int, *, planned: bool = False) -> None:
    """Write one news item (heading + body) and record its event."""
    rng = page.rng
    topic = rng.choice(pools.TOPICS)
    etype = rng.choice(("training", "meeting", "workshop", "seminar", "field_visit",
                        "study_visit", "survey", "working_group", "conference"))
    phrase, start, end, precision = date_phrase(rng, year, with_year=planned)
    when = f" {phrase}" if phrase else ""
    orgs = [page.body(b) for b in page.pick(NATIONAL + INTERNATIONAL, rng.randint(1, 3))]
    ev: dict[str, Any] = {"id": f"event-{len(page.events) + 1}", "type": etype, "start": start,
                          "end": end, "date_precision": precision,
                          "status": "planned" if planned else "completed", "places": [],
                          "organisers": [], "supporters": [], "participants": [],
                          "projects": [own[0]], "subjects": [], "people": [],
                          "attendee_count": None}
    will = "will organize" if planned else "organized"
    if etype == "field_visit":
        aimag = rng.choice(AIMAGS)
        ev["places"] = [page.place(aimag, "aimag")]
        ev["organisers"], ev["participants"] = [own[0]], [orgs[0][0]]
        title = f"Field visit to {aimag} aimag"
        verb = "will conduct" if planned else "conducted"
        text = f"The {page.short(own[0])} team {verb} a field visit to {aimag} aimag{when} " \
               f"and met {orgs[0][1]}."
    elif etype == "study_visit":
        country = rng.choice(COUNTRIES)
        ev["places"] = [page.place(country, "country")]
        ev["participants"] = [o[0] for o in orgs]
        ev["supporters"] = [own[0]]
        title = f"Study visit to {country} on {topic}"
        verb = "will make" if planned else "made"
        text = f"A delegation of {listing([o[1] for o in orgs])} {verb} a study visit to " \
               f"{country}{when}, supported by {own[1]}."
    elif etype == "working_group":
        ev["participants"] = [o[0] for o in orgs] + [own[0]]
        title = f"Working group on {topic}"
        verb = "will meet" if planned else "met"
        text = f"The working group on {topic} {verb}{when}; members from " \
               f"{listing([o[1] for o in orgs] + [own[1]])} {'will take' if planned else 'took'} part."
    else:
        ev["organisers"] = [orgs[0][0]]
        ev["supporters"] = [own[0]]
        ev["participants"] = [o[0] for o in orgs[1:]]
        noun = {"training": "a 2 day training", "meeting": "a meeting", "workshop": "a workshop",
                "seminar": "a seminar", "survey": "a survey", "conference": "a national conference"}[etype]
        title = f"{cap(noun.split(' ', 1)[1].replace('2 day ', ''))} on {topic}"
        venue = ""
        if rng.random() < 0.5:
            city = "Ulaanbaatar" if rng.random() < 0.4 else rng.choice(AIMAGS)
            ev["places"] = [page.place(city, "city" if city == "Ulaanbaatar" else "aimag")]
            venue = f" in {city}" if city == "Ulaanbaatar" else f" in {city} aimag"
        who = f" for staff of {listing([o[1] for o in orgs[1:]])}" if orgs[1:] else ""
        helped = rng.choice(("with assistance from", "with support from", "with funding from"))
        text = f"{cap(orgs[0][1])} {helped} {own[1]} {will} {noun} on {topic}{who}{when}{venue}."
    text = page.garble(text)
    ev["title"] = title if planned else f"{title} {year}"
    ev["evidence"] = text
    body = [text]
    if not planned and rng.random() < 0.4:
        ev["attendee_count"] = rng.randint(12, 180)
        body.append(page.garble(f"About {ev['attendee_count']} participants attended."))
    if rng.random() < 0.3:
        host = own if rng.random() < 0.5 else orgs[0]
        pid, ptext = page.person(host[0], page.short(host[0]))
        ev["people"].append(pid)
        sentence = f"{cap(ptext)} {'will open' if planned else 'opened'} the event."
        body.append(sentence)
        page.relations.append({"subject": pid, "predicate": "affiliatedWith", "object": host[0],
                               "evidence": sentence})
    if len(orgs) > 1 and rng.random() < 0.25:
        sentence = f"{cap(page.short(orgs[0][0]))} and {page.short(orgs[1][0])} agreed to " \
                   f"cooperate on {rng.choice(pools.TOPICS)}."
        body.append(sentence)
        page.relations.append({"subject": orgs[0][0], "predicate": "cooperatesWith",
                               "object": orgs[1][0], "evidence": sentence})
    for filler in rng.sample(pools.FILLER, rng.randint(1, 2)):
        body.append(filler.format(topic=topic))
    page.events.append(ev)
    if planned:
        stamp = f"{start} {rng.randint(9, 15)}:00\n" if precision == "day" else ""
        page.parts.append(f"{title}\n\n{stamp}{' '.join(body)}")
    else:
        page.parts.append(f"{ev['title']}\n\n{' '.join(body)}")


def intro(page: Page) -> tuple[str, str]:
    """The page heading and project introduction; returns the project's (id, short mention)."""
    rng = page.rng
    project = page.pick(PROJECTS)[0]
    donor = page.pick(tuple(b for b in INTERNATIONAL if b.category == "donor"))[0]
    implementer = page.pick(INTERNATIONAL + NATIONAL[:5])[0]
    pid, ptext = page.body(project)
    did, dtext = page.body(donor)
    iid, itext = page.body(implementer)
    mongolia = page.place("Mongolia", "country")
    aimags = rng.sample(AIMAGS, 3)
    for a in aimags:
        page.place(a, "aimag")
    page.entities[pid].update(funders=[did], implementers=[iid])
    funded = f"{cap(ptext)} is funded by {dtext} and implemented by {itext}."
    page.relations += [
        {"subject": pid, "predicate": "fundedBy", "object": did, "evidence": funded},
        {"subject": pid, "predicate": "implementedBy", "object": iid, "evidence": funded},
    ]
    works = f"The project works in three aimags of Mongolia: {listing(aimags)}."
    assert mongolia
    page.parts.append(f"{project.acronym} news and events\n\n{funded} {works}")
    return pid, f"{project.acronym} project"


def generate_document(seed: int, index: int) -> tuple[str, str, dict[str, Any]]:
    """(stem, text, gold) of document ``index`` for ``seed``."""
    page = Page(random.Random(f"{seed}-{index}"), f"news-{index:06d}")
    own = intro(page)
    year = page.rng.randint(2014, 2021)
    for _ in range(page.rng.randint(5, 8)):
        news_item(page, own, year)
        year += page.rng.random() < 0.3
    page.parts.append("Upcoming Events")
    for _ in range(page.rng.randint(1, 3)):
        news_item(page, own, year + 1, planned=True)
    text = "\n\n".join(page.parts) + "\n"
    gold = page.gold()
    for item in gold["events"] + gold["relations"]:
        assert item["evidence"] in text, item["evidence"]
    return page.stem, text, gold


def generate_corpus(n: int, out_dir: Path, seed: int = 1) -> list[Path]:
    """Write n documents to out_dir and their gold files to out_dir/gold; returns the documents."""
    gold_dir = out_dir / "gold"
    gold_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for i in range(n):
        stem, text, gold = generate_document(seed, i)
        doc = out_dir / f"{stem}.txt"
        doc.write_text(text, encoding="utf-8")
        (gold_dir / f"{stem}.gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1),
                                                   encoding="utf-8")
        written.append(doc)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of documents")
    parser.add_argument("out_dir", type=Path, help="output directory (gold files go to OUT_DIR/gold)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args(argv)
    docs = generate_corpus(args.n, args.out_dir, args.seed)
    size = sum(p.stat().st_size for p in docs)
    print(f"wrote {len(docs)} documents ({size / 1e6:.1f} MB) and gold files to {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
