"""``graph.trig`` and ``graph.ttl`` written by concatenating each document's chunk, mapped.

Why: writing the files from the whole set of triples rendered every term of every document at
every build (3.1 CPU-s at 1,000 documents), though a document's text changes only when the
document does or the merge remaps one of its IRIs. Here each document's text is its cached
chunk (``coopgraph.graph.chunk_cache``), passed through the merge's mapping only where it holds
a remapped IRI or a block the merge changes (``coopgraph.graph.chunk_mapping``); the reference
and cooperation graphs, decided over every document, are rendered from their triples.

Layout: named graphs in IRI order, each graph's blocks in its chunk's order (sorted by the IRIs
the document mints alone), no indentation. ``graph.ttl`` holds the same blocks without the
graph wrappers: a node described in several graphs has a block in each, and a triple stated in
two graphs is written twice (the same graph once parsed). Same documents, same bytes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import partial
from pathlib import Path

from rdflib import URIRef

from coopgraph._atomic import atomic_write_parts, staged_path
from coopgraph.graph.builder import (
    PREFIXES, MergedBuild, cooperation_graph_iri, reference_graph_iri,
)
from coopgraph.graph.bulk import Triple, paused_gc
from coopgraph.graph.chunk_cache import ChunkSource, DocumentKey, document_key
from coopgraph.graph.chunk_mapping import Context, mapped_text
from coopgraph.graph.documents import SourceDocument
from coopgraph.graph.turtle import TermWriter, iter_blocks, prefix_header

#: A named graph and how to make its text (made once, for the TriG).
GraphText = tuple[URIRef, Callable[[], str]]


def write_graph_chunks(built: MergedBuild, out: Path, *,
                       chunks: Mapping[DocumentKey, ChunkSource], base_iri: str) -> list[Path]:
    """Write ``out/graph.ttl`` and ``out/graph.trig`` of ``built`` from each document's chunk
    (``cached_chunks``) and the merge's mapping; returns the two paths.

    Raises:
        OutputError: a file or a chunk made again cannot be written.
    """
    terms = TermWriter(PREFIXES)
    context = Context(built.identities, built.events, base_iri, terms)
    merged = {name: built.quads[name] for name in (reference_graph_iri(base_iri),
                                                   cooperation_graph_iri(base_iri))
              if name in built.quads}
    sources = [chunks[document_key(d.record)] for d in built.documents]
    with paused_gc():
        graphs = graph_texts(built.documents, sources, merged, context)
    return write_chunked_graph(graphs, PREFIXES, terms, out / "graph.ttl", out / "graph.trig")


def graph_texts(documents: Sequence[SourceDocument], chunks: Sequence[ChunkSource],
                merged_graphs: Mapping[URIRef, set[Triple]], context: Context) -> list[GraphText]:
    """Every named graph with its text maker, in IRI order: each document's from its chunk,
    the graphs the merge writes (reference, cooperation) from their triples."""
    out: list[GraphText] = []
    for index, (doc, chunk) in enumerate(zip(documents, chunks, strict=True)):
        out.append((doc.graph_iri, _document_maker(chunk, doc, index, context)))
    for name, triples in merged_graphs.items():
        if triples:  # rendered when the writer reaches it: a few hundred MB at 10,000 documents
            out.append((name, partial(_rendered, triples, context.terms)))
    out.sort(key=lambda item: str(item[0]))
    return out


def write_chunked_graph(graphs: Sequence[GraphText], prefixes: Mapping[str, str],
                        terms: TermWriter, turtle_path: Path, trig_path: Path) -> list[Path]:
    """Stream the TriG and the union Turtle of ``graphs`` to two files, each atomically.

    Each graph's text is made once, for the TriG; the Turtle copies the same bytes back from
    the TriG just written (where each graph's body starts and ends is noted while writing).
    Why: keeping the mapped texts for a second pass held 600 MB at 10,000 documents, and
    making them twice cost the mapping twice.
    """
    spans: list[tuple[int, int]] = []
    with paused_gc():
        trig = atomic_write_parts(trig_path, _trig(graphs, prefixes, terms, spans))
        ttl = atomic_write_parts(turtle_path, _turtle(staged_path(trig), prefixes, spans))
    return [ttl, trig]


def _trig(graphs: Sequence[GraphText], prefixes: Mapping[str, str], terms: TermWriter,
          spans: list[tuple[int, int]]) -> Iterator[bytes]:
    """The TriG's parts; the byte span of each graph's body is appended to ``spans``."""
    head = prefix_header(prefixes).encode()
    at = len(head)
    yield head
    for name, text in graphs:
        opening = f"\n{terms.iri(name)} {{\n".encode()
        body = text().encode()
        spans.append((at + len(opening), at + len(opening) + len(body)))
        at += len(opening) + len(body) + 2
        yield opening
        yield body
        yield b"}\n"


def _turtle(trig: Path, prefixes: Mapping[str, str],
            spans: list[tuple[int, int]]) -> Iterator[bytes]:
    """The union Turtle: the prefixes, then each graph's body read back from the TriG."""
    yield prefix_header(prefixes).encode()
    with trig.open("rb") as fh:
        for start, end in spans:
            fh.seek(start)
            yield b"\n" + fh.read(end - start)


class _DocumentText:
    """A document's text: its chunk's own, or the chunk mapped where the merge changes it."""

    def __init__(self, source: ChunkSource, doc: SourceDocument, index: int,
                 context: Context) -> None:
        self._source, self._doc, self._index, self._context = source, doc, index, context

    def __call__(self) -> str:
        chunk = self._source()
        mapped = mapped_text(chunk, self._doc, self._index, self._context)
        return chunk.text() if mapped is None else mapped


def _document_maker(source: ChunkSource, doc: SourceDocument, index: int,
                    context: Context) -> Callable[[], str]:
    return _DocumentText(source, doc, index, context)


def _rendered(triples: set[Triple], terms: TermWriter) -> str:
    """A graph's blocks from its triples (the reference and cooperation graphs)."""
    return "\n".join(block for _s, block in iter_blocks(triples, terms))
