"""The reduce's mapping: a cached chunk (IRIs a document mints alone) → that document's part
of the output (the IRIs and blocks the merge over every document decides).

Decision 0010: the merge yields a mapping local IRI → canonical IRI only where they differ
(0.3% of entity mentions, 5.9% of event mentions at 1,000 generated documents), applied as one
regex pass over the chunks that hold such an IRI. Two kinds of block say something the merge
changes besides an IRI, and are written again in context from the record, like the whole
graph used to be:

* an entity whose canonical name another document decides: its ``skos:altLabel`` forms leave
  out the canonical name, so they differ;
* an event merged with another document's report: its single-valued facts move to the
  reference graph, this document keeps its title as ``skos:altLabel`` and qualified roles.

A document whose mapping is not one-to-one (its own mentions joined or split by the merge),
whose slug another document took, or whose content another file also has (two names), is
written whole in context; the chunk stays cached for the builds where it fits again.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from rdflib import URIRef

from coopgraph.graph.builder import add_document
from coopgraph.graph.bulk import Triple
from coopgraph.graph.chunks import DocumentChunk
from coopgraph.graph.documents import SourceDocument
from coopgraph.graph.entities import add_mentions
from coopgraph.graph.event_identity import EventIdentities
from coopgraph.graph.events import DocumentWriter
from coopgraph.graph.identity import Identities
from coopgraph.graph.turtle import TermWriter, iter_blocks

#: A Turtle string literal (left alone) or an IRI in angle brackets (looked up).
_TOKEN = re.compile(r'("(?:[^"\\\n]|\\.)*")|(<[^<>"\s]*>)')


@dataclass(frozen=True)
class Context:
    """What the merge decided, shared by every document of one build."""

    identities: Identities
    events: EventIdentities
    base_iri: str
    terms: TermWriter


@dataclass(frozen=True)
class DocumentMapping:
    """How one chunk becomes its document's output.

    ``replace``: rendered local IRI → rendered canonical IRI (only those that differ).
    ``rewrite``: subjects whose blocks are written again in context. ``whole``: the chunk does
    not fit (see the module's docstring), the document is written in context.
    """

    replace: dict[str, str]
    rewrite: frozenset[str]
    whole: bool


def map_document(chunk: DocumentChunk, doc: SourceDocument, index: int,
                 context: Context) -> DocumentMapping:
    """The mapping of ``doc``'s chunk (``index``: its number among the build's documents)."""
    if chunk.graph_iri != str(doc.graph_iri) or len(doc.names) > 1:
        return DocumentMapping({}, frozenset(), True)
    ids = context.identities
    canonical: dict[str, URIRef] = {}
    for local_id, local in chunk.entities.items():
        iri = ids.iri_of.get((index, local_id))
        if iri is None or canonical.setdefault(local, iri) != iri:
            return DocumentMapping({}, frozenset(), True)  # split by the merge
    if len(set(canonical.values())) < len(canonical):
        return DocumentMapping({}, frozenset(), True)  # joined by the merge
    iri_text = context.terms.iri
    replace = {iri_text(URIRef(local)): iri_text(iri)
               for local, iri in canonical.items() if str(iri) != local}
    rewrite = {local for local, iri in canonical.items()
               if chunk.names.get(local) != ids.by_iri[iri].name}
    events = context.events
    for position, local in enumerate(chunk.events):
        iri = events.iri_of[(index, position)]
        if str(iri) != local:
            replace[iri_text(URIRef(local))] = iri_text(iri)
        if iri in events.facts:
            rewrite.add(local)
    if any(not token.startswith("<") for token in replace):
        return DocumentMapping({}, frozenset(), True)  # a base IRI written as a prefixed name
    return DocumentMapping(replace, frozenset(rewrite), False)


def document_text(chunk: DocumentChunk, doc: SourceDocument, index: int,
                  context: Context) -> str:
    """``doc``'s named graph as TriG body text: the chunk with the merge's mapping applied."""
    mapped = mapped_text(chunk, doc, index, context)
    return chunk.text() if mapped is None else mapped


def mapped_text(chunk: DocumentChunk, doc: SourceDocument, index: int,
                context: Context) -> str | None:
    """``document_text`` when the mapping changes the chunk; None when the chunk's own text is
    the document's (no IRI of it remapped, no block of it written again)."""
    mapping = map_document(chunk, doc, index, context)
    if mapping.whole:
        return _join(_whole_blocks(doc, index, context))
    if not mapping.replace and not mapping.rewrite:
        return None
    return _join(_mapped_blocks(chunk, doc, index, context, mapping))


def substitute(text: str, replace: dict[str, str]) -> str:
    """``text`` with every IRI token in ``replace`` replaced (never inside a literal).

    The regex pass runs only when one of the tokens is in the text: a document holding a
    remapped IRI mostly holds it in a few of its blocks, and a substring test is ten times
    cheaper than the tokenising pass."""
    if not replace or not any(token in text for token in replace):
        return text

    def swap(m: re.Match[str]) -> str:
        token = m.group(0)
        return token if m.group(1) else replace.get(token, token)
    return _TOKEN.sub(swap, text)


def _join(blocks: Iterator[str]) -> str:
    return "\n".join(blocks)


def _mapped_blocks(chunk: DocumentChunk, doc: SourceDocument, index: int, context: Context,
                   mapping: DocumentMapping) -> Iterator[str]:
    """The chunk's blocks, IRIs replaced; the blocks ``mapping.rewrite`` names written again."""
    positions = {local: p for p, local in enumerate(chunk.events)}
    local_ids: dict[str, list[str]] = {}
    for local_id, local in chunk.entities.items():
        local_ids.setdefault(local, []).append(local_id)
    for subject, block in zip(chunk.subjects, chunk.blocks, strict=True):
        if subject not in mapping.rewrite:
            yield substitute(block, mapping.replace)
        elif subject in positions:
            yield from _event_blocks(doc, index, positions[subject], context)
        else:
            yield from _entity_blocks(doc, index, local_ids[subject], context)


def _event_blocks(doc: SourceDocument, index: int, position: int,
                  context: Context) -> Iterator[str]:
    """A merged event's block in this document's graph and its qualified roles, in context
    (the quote's own block is in the chunk already, and the same)."""
    triples: set[Triple] = set()
    writer = DocumentWriter(triples, doc, index, context.identities, context.events,
                            context.base_iri)
    fact = writer.add_event(doc.record.events[position], position)
    kept = {t for t in triples if t[0] != fact.annotation}
    for _subject, block in iter_blocks(kept, context.terms):
        yield block


def _entity_blocks(doc: SourceDocument, index: int, local_ids: list[str],
                   context: Context) -> Iterator[str]:
    """An entity's block in this document's graph, in context (its forms leave out the
    canonical name the merge chose): what the document says of it, and the relations it
    states with the entity as subject (their direct triples share its block)."""
    wanted = set(local_ids)
    ids = context.identities
    entities = tuple(e for e in doc.record.entities if e.id in wanted)
    triples: set[Triple] = set()
    add_mentions(triples, ids, index, entities, doc.iri)
    subjects = {ids.iri_of[(index, local)] for local in wanted}
    stated: set[Triple] = set()
    writer = DocumentWriter(stated, doc, index, ids, context.events, context.base_iri)
    for relation in doc.record.relations:
        writer.add_relation(relation)
    triples.update(t for t in stated if t[0] in subjects)
    for _subject, block in iter_blocks(triples, context.terms):
        yield block


def _whole_blocks(doc: SourceDocument, index: int, context: Context) -> Iterator[str]:
    """The document's whole graph in context, as ``build_quads`` writes it."""
    triples: set[Triple] = set()
    add_document(DocumentWriter(triples, doc, index, context.identities, context.events,
                                context.base_iri), [], [])
    for _subject, block in iter_blocks(triples, context.terms):
        yield block
