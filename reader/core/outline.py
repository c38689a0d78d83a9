"""The outline as the stable JSON schema (docs/outline-schema.md) and as readable text."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from reader.core.labels import SECTION_TITLES
from reader.core.model import Paragraph, SectionKind, Transcript
from reader.core.source_file import readable_name

if TYPE_CHECKING:  # the aligner loads only when asked for: `reader parse` stays quick
    from reader.core.align.transcript import TranscriptAlignment

SCHEMA_VERSION = 1
SCHEMA_MINOR = 2
"""Additions within schema 1 (docs/outline-schema.md, "Versions")."""


def to_json(transcript: Transcript,
            alignment: TranscriptAlignment | None = None) -> dict[str, Any]:
    """The documented schema; keys and their order are a contract with scripts.

    `alignment` adds the optional `alignment` key last; without it the output is exactly
    schema 1 as it always was.
    """
    t = transcript
    out: dict[str, Any] = {
        "schema": SCHEMA_VERSION,
        "format": t.format,
        "source": {"name": readable_name(t.source.name), "encoding": t.source.encoding,
                   "sha256": t.source.sha256, "container": t.source.container,
                   "replaced": t.source.replaced, "bom": t.source.bom},
        "meta": {"company": t.meta.company, "ticker": t.meta.ticker, "title": t.meta.title,
                 "period": t.meta.period, "date": t.meta.date},
        "speakers": [{"id": s.id, "name": s.name, "role": s.role, "kind": s.kind.value,
                      "affiliation": s.affiliation} for s in t.speakers],
        "turns": [{"index": turn.index, "speaker": turn.speaker, "section": turn.section.value,
                   "lang": turn.lang.value, "interpreted": turn.interpreted,
                   "interprets": list(turn.interprets), "speaks_for": turn.speaks_for,
                   "paragraphs": [_paragraph_json(p) for p in turn.paragraphs]}
                  for turn in t.turns],
        "exchanges": [{"asker": e.asker, "question": list(e.question), "answer": list(e.answer)}
                      for e in t.exchanges],
        "doubts": [{"kind": d.kind, "message": d.message, "turn": d.turn} for d in t.doubts],
        "schema_minor": SCHEMA_MINOR,
    }
    if alignment is not None:
        from reader.core.align.transcript import to_json as alignment_json
        out["alignment"] = alignment_json(alignment)
    return out


def _paragraph_json(p: Paragraph) -> dict[str, Any]:
    out: dict[str, Any] = {"text": p.text, "start": p.start, "end": p.end}
    if p.time is not None:
        out["time"] = list(p.time)
    return out




def _snippet(text: str, width: int = 70) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def to_text(transcript: Transcript) -> str:
    """A readable outline for the terminal: metadata, sections, speakers, exchanges."""
    t = transcript
    out: list[str] = []
    m = t.meta
    out.append(m.title or m.company or readable_name(t.source.name))
    encoding = t.source.encoding
    if t.source.replaced:
        n = t.source.replaced
        encoding += f" ({n} damaged byte{'s' if n > 1 else ''} replaced with U+FFFD)"
    facts = [("Company", m.company), ("Ticker", m.ticker), ("Period", m.period),
             ("Date", m.date), ("Layout", t.format), ("Encoding", encoding)]
    out.extend(f"  {label:<9} {value if value else '-'}" for label, value in facts)
    if t.doubts:
        out.append("")
        out.append(f"Doubts ({len(t.doubts)}): parts of this outline are guesses")
        out.extend(f"  - {d.message}" for d in t.doubts)

    out.append("")
    out.append("Sections")
    for kind in SectionKind:
        turns = t.turns_in(kind)
        if turns:
            out.append(f"  {SECTION_TITLES[kind]}: turns {turns[0].index + 1}–{turns[-1].index + 1}"
                       f" ({len(turns)} turns)")
    if not t.turns:
        out.append("  (no turns found)")

    counts = Counter(turn.speaker for turn in t.turns)
    out.append("")
    out.append("Speakers")
    for s in t.speakers:
        detail = ", ".join(x for x in (s.role, s.affiliation) if x)
        out.append(f"  {s.label:<24} {s.kind.value:<11} {counts.get(s.id, 0):>3} turns"
                   + (f"  ({detail})" if detail else ""))

    interpreted = [turn for turn in t.turns if turn.interprets]
    if interpreted:
        out.append("")
        out.append(f"Interpretations: {len(interpreted)} turns interpret "
                   f"{sum(len(turn.interprets) for turn in interpreted)} original turns")

    out.append("")
    out.append(f"Exchanges ({len(t.exchanges)})")
    for n, e in enumerate(t.exchanges, start=1):
        asker = t.speakers[e.asker] if e.asker is not None else None
        who = asker.label if asker else "Unknown asker"
        if asker and asker.affiliation:
            who += f" ({asker.affiliation})"
        first = t.turns[e.question[0]].text if e.question else ""
        out.append(f"  {n}. {who}: {len(e.question)} question turns, {len(e.answer)} answer turns")
        out.append(f"     “{_snippet(first)}”")
    return "\n".join(out) + "\n"
