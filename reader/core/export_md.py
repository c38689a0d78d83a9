"""Highlights as Markdown notes: front matter, sections in reading order, quotes that cannot break out.

Fed plain data (the call's `TranscriptInfo`, its `Highlight`s, and the outline re-parsed from
the stored text); writes nothing. Every piece of transcript or user text goes through
`escape_inline`/`escape_block`, so no quote or note, whatever it holds (`*_[]#>|`, backticks,
a leading `#`, `-`, `1.` or `>`, HTML, `$` that Obsidian would read as maths), can change the
document's structure: each line of a quote stays inside its blockquote, a note stays a
paragraph. Leading and trailing spaces of a line are not kept, since Markdown gives them
meaning (indented code, hard breaks).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final

from reader.core.align.transcript import TranscriptAlignment
from reader.core.display import DisplayOptions
from reader.core.labels import SECTION_TITLES
from reader.core.links import make_link
from reader.core.model import Lang, Transcript, Turn
from reader.core.passages import Counterpart, PassageView, Speaking
from reader.core.records import Highlight, TranscriptInfo
from reader.core.source_file import readable_name

OUTSIDE_TURNS: Final = "Outside the speakers' turns"
ORPHANS: Final = "Highlights whose text is not in this version"

_INLINE: Final = re.compile(r"[\\`*_\[\]<>#|~&$]")
_PAIRS: Final = re.compile(r"%%|==")  # Obsidian comments and highlights
_LINE_START: Final = re.compile(r"^(?:[-+=]|(\d{1,9})([.)]))")
_UNSAFE_NAME: Final = re.compile(r"[^\w.-]+")
_RESERVED_NAMES: Final = frozenset(
    {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))})


@dataclass(frozen=True, slots=True)
class ExportInput:
    """One call to export. `transcript` (the outline) supplies speakers, sections and
    interpretations; without it highlights are listed in reading order only.

    `options` are the reading view's script and cleanup, applied to quotes, contexts and
    notes (None: the source text as stored). With `alignment`, a highlight's context is the
    aligned counterpart sentence(s); without it, the whole counterpart turn.
    `obsidian` writes each quote as a callout (`> [!quote]`), which Obsidian and Logseq fold.
    """

    info: TranscriptInfo
    highlights: Sequence[Highlight]
    transcript: Transcript | None = None
    colour_names: Mapping[str, str] = field(default_factory=dict)
    options: DisplayOptions | None = None
    alignment: TranscriptAlignment | None = None
    obsidian: bool = False


# --- Escaping ---------------------------------------------------------------------------------


def escape_inline(text: str) -> str:
    """Text that renders as itself inside a paragraph, heading or emphasis."""
    text = _INLINE.sub(r"\\\g<0>", text)
    return _PAIRS.sub(lambda m: "\\" + m.group()[0] + "\\" + m.group()[1], text)


def escape_line(line: str) -> str:
    """One line of a block: inline escapes, and nothing at its start that opens a block
    (list markers, setext underlines, ordered-list numbers; `#`, `>` and fences are inline)."""
    line = escape_inline(line.strip())
    m = _LINE_START.match(line)
    if m is None:
        return line
    if m.group(1) is not None:
        return f"{m.group(1)}\\{m.group(2)}{line[m.end():]}"
    return "\\" + line


def escape_block(text: str) -> list[str]:
    """Lines of a multi-line text, escaped; blank lines (paragraph breaks) kept, runs of them
    and blank lines at the ends dropped."""
    out: list[str] = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = escape_line(raw)
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return out


def _one_line(text: str) -> str:
    return escape_inline(" ".join(text.split()))


def blockquote(text: str) -> str:
    """A blockquote holding `text` verbatim (escaped), its line breaks kept inside the quote."""
    return "\n".join(f"> {line}" if line else ">" for line in escape_block(text))


def yaml_value(value: str | int | list[str] | None) -> str:
    """A YAML scalar or flow list that a YAML parser reads back exactly, and that stays inert
    where the front matter is shown as Markdown.

    Strings are double-quoted with `\\uXXXX` escapes (valid YAML and valid JSON alike) for
    everything Markdown or HTML could act on (`<`, `[`, `(`, `!`, emphasis marks, and the `:`
    `.` `@` that would let a renderer turn text into a link), and for every character YAML
    does not allow raw or reads as a line break (controls, NEL, U+2028/2029, surrogates).
    """
    if value is None:
        return "null"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(_yaml_string(v) for v in value) + "]"
    return _yaml_string(value)


_MARKDOWN_ACTIVE: Final = frozenset('<>&[]()!`*~|#@=+"\\')
# Active only in context, so that ordinary names stay readable: '.' before a letter or digit
# (a domain a renderer would link), ':' before '/' (a scheme), '_' at a word's edge (emphasis).
_LINK_DOT: Final = re.compile(r"\.(?=\w)")
_SCHEME_COLON: Final = re.compile(r":(?=/)|(?<=mailto):", re.IGNORECASE)
_EDGE_UNDERSCORE: Final = re.compile(r"(?<!\w)_|_(?!\w)|(?<=_)_")


def _yaml_string(text: str) -> str:
    active = {m.start() for pattern in (_LINK_DOT, _SCHEME_COLON, _EDGE_UNDERSCORE)
              for m in pattern.finditer(text)}
    return '"' + "".join(_yaml_char(ch, i in active) for i, ch in enumerate(text)) + '"'


def _yaml_char(ch: str, active: bool) -> str:
    cp = ord(ch)
    if active or ch in _MARKDOWN_ACTIVE or not _yaml_printable(cp):
        return f"\\u{cp:04x}"  # never astral: those are all printable
    return ch


def _yaml_printable(cp: int) -> bool:
    """YAML 1.1's printable set, less the characters it treats as line breaks."""
    if cp in (0xFEFF, 0x2028, 0x2029):
        return False
    return (0x20 <= cp <= 0x7E or 0xA0 <= cp <= 0xD7FF or 0xE000 <= cp <= 0xFFFD
            or 0x10000 <= cp <= 0x10FFFF)


def back_link(sha256: str, start: int, end: int) -> str:
    return make_link(sha256, start, end)


# --- File names -------------------------------------------------------------------------------


def export_file_name(info: TranscriptInfo, suffix: str = ".md") -> str:
    """A portable file name: company, period and date, plus the hash's start so names never
    collide; characters that are unsafe on any common file system are replaced."""
    stem = readable_name(info.source_name).rsplit(".", 1)[0]
    parts = [p for p in (info.company or info.title or stem, info.period, info.date) if p]
    parts.append(info.sha256[:8])
    return sanitize_file_name("-".join(parts)) + suffix


def sanitize_file_name(name: str, limit: int = 100) -> str:
    name = unicodedata.normalize("NFC", name)
    name = _UNSAFE_NAME.sub("-", name)
    name = re.sub(r"-{2,}", "-", name).strip("-. ")[:limit].rstrip("-. ")
    if not name or name.split(".")[0].lower() in _RESERVED_NAMES:
        name = f"transcript-{name}" if name else "transcript"
    return name


# --- The document -----------------------------------------------------------------------------


class _Turns:
    """Turn lookup by offset for one outline, and each turn's rendered pieces, made once
    per document (exports run over thousands of highlights)."""

    def __init__(self, transcript: Transcript, view: PassageView) -> None:
        self.t = transcript
        self.view = view
        self._speaker_lines: dict[int, str] = {}
        self._counterparts: dict[int, list[str]] = {}

    def at(self, start: int, end: int) -> Turn | None:
        return self.view.turn_at(start, end)

    def speaker_line(self, turn: Turn) -> str:
        line = self._speaker_lines.get(turn.index)
        if line is None:
            line = self._speaker_lines[turn.index] = speaker_line(self.view.speaking(turn))
        return line

    def counterparts(self, turn: Turn) -> list[str]:
        """The whole counterpart turn(s): the context when no alignment is given."""
        blocks = self._counterparts.get(turn.index)
        if blocks is None:
            blocks = self._counterparts[turn.index] = _counterparts(self, turn)
        return blocks


def speaker_line(who: Speaking) -> str:
    """`**Name** (Role), for Executive`: an interpreter's turn says whom it voices."""
    line = f"**{_one_line(who.label)}**"
    if who.role:
        line += f" ({_one_line(who.role)})"
    if who.speaks_for:
        line += f", for {_one_line(who.speaks_for)}"
    return line


def render_markdown(doc: ExportInput) -> str:
    """The Markdown note for one call (ends with a newline)."""
    info = doc.info
    all_tags = sorted({t for h in doc.highlights for t in h.tags}, key=str.casefold)
    out = ["---"]
    for key, value in (("title", info.label), ("company", info.company),
                       ("ticker", info.ticker), ("period", info.period), ("date", info.date),
                       ("source", readable_name(info.source_name)),
                       ("sha256", info.sha256)):
        out.append(f"{key}: {yaml_value(value)}")
    out.append(f"highlights: {len(doc.highlights)}")
    out.append(f"tags: {yaml_value(all_tags)}")
    out.append("---")
    return "\n\n".join(["\n".join(out), *_body(doc)]) + "\n"


def render_combined(docs: Sequence[ExportInput], title: str = "Highlights") -> str:
    """One Markdown file for many calls: one front matter, then one `#` section per call in
    the order given (the caller sorts: company, date, id)."""
    tags = sorted({t for d in docs for h in d.highlights for t in h.tags}, key=str.casefold)
    out = ["---", f"title: {yaml_value(title)}", f"calls: {len(docs)}",
           f"highlights: {sum(len(d.highlights) for d in docs)}", f"tags: {yaml_value(tags)}",
           "---"]
    blocks = ["\n".join(out)]
    for doc in docs:
        blocks.extend(_body(doc, facts=True))
    return "\n\n".join(blocks) + "\n"


def _view(doc: ExportInput) -> PassageView | None:
    if doc.transcript is None:
        return None
    return PassageView(doc.transcript, doc.transcript.text, doc.options, doc.alignment)


def _body(doc: ExportInput, *, facts: bool = False) -> list[str]:
    """The call's heading and its highlights by section."""
    info = doc.info
    placed = [h for h in doc.highlights if not h.orphaned]
    orphans = [h for h in doc.highlights if h.orphaned]
    view = _view(doc)
    turns = _Turns(doc.transcript, view) if doc.transcript is not None and view else None
    blocks = [f"# {_one_line(info.label)}"]
    if facts:
        line = [_one_line(v) for v in (info.company, info.ticker, info.period, info.date,
                                       readable_name(info.source_name)) if v]
        blocks.append(" · ".join(line) + f" · sha256 {info.sha256[:12]}")

    groups: dict[str, list[tuple[Highlight, Turn | None]]] = {}
    order = [*SECTION_TITLES.values(), OUTSIDE_TURNS]
    for h in sorted(placed, key=lambda h: (h.start, h.end, h.id)):
        turn = turns.at(h.start, h.end) if turns else None
        title = SECTION_TITLES[turn.section] if turn else OUTSIDE_TURNS
        groups.setdefault(title, []).append((h, turn))
    if not doc.highlights:
        blocks.append("No highlights.")
    for title in order:
        if title in groups:
            blocks.append(f"## {escape_inline(title)}")
            blocks.extend(_highlight(doc, h, turn, turns) for h, turn in groups[title])
    if orphans:
        blocks.append(f"## {escape_inline(ORPHANS)}")
        blocks.extend(_highlight(doc, h, None, None) for h in orphans)
    return blocks


def shown_quote(doc: ExportInput, h: Highlight, view: PassageView | None) -> str:
    """The quote as the reading view shows it: from the outline when the highlight is placed,
    else its stored text run through the same options."""
    if view is not None and not h.orphaned:
        return view.text(h.start, h.end)
    if doc.options is None:
        return h.quote
    return PassageView(None, h.quote, doc.options).text(0, len(h.quote))


def _highlight(doc: ExportInput, h: Highlight, turn: Turn | None, turns: _Turns | None) -> str:
    parts: list[str] = []
    view = turns.view if turns else None
    head = [turns.speaker_line(turn)] if turns and turn else []
    if doc.obsidian:
        head = [f"[!quote] {head[0]}" if head else "[!quote]"]
    quote = blockquote(shown_quote(doc, h, view)) or ">"
    parts.append("\n".join([*(f"> {line}" for line in head), *([">"] if head else []), quote]))
    if turns and turn:
        if doc.alignment is not None:
            parts.extend(_aligned(turns.view.counterparts(h.start, h.end)))
        else:
            parts.extend(turns.counterparts(turn))
    facts = [f"Colour: {_one_line(doc.colour_names.get(h.colour, h.colour))}"]
    if h.tags:
        facts.append(" ".join(f"#{tag}" for tag in h.tags))
    if not h.orphaned:
        facts.append(f"[Open in Transcript Reader]({back_link(doc.info.sha256, h.start, h.end)})")
    parts.append(" · ".join(facts))
    note = escape_block(view.user_text(h.note) if view else h.note)
    if note:
        note[0] = f"Note: {note[0]}"
        parts.append("\n".join(note))
    parts.append("---")
    return "\n\n".join(parts)


_KIND_LABELS: Final = {"interpretation": "English interpretation", "original": "Original"}


def _aligned(counterparts: Sequence[Counterpart]) -> list[str]:
    blocks = []
    for c in counterparts:
        blocks.append(f"*{_KIND_LABELS[c.kind]}*, {speaker_line(c.speaker)}:")
        blocks.append(blockquote(c.text) or ">")
    return blocks


def _counterparts(turns: _Turns, turn: Turn) -> list[str]:
    """The interpretation of a Mandarin turn, or the original of an interpreting turn."""
    t = turns.t
    others = t.interpreters_of(turn.index) or list(turn.interprets)
    blocks = []
    for index in others:
        other = t.turns[index]
        kind = "English interpretation" if other.lang is Lang.EN else "Original"
        blocks.append(f"*{kind}*, {turns.speaker_line(other)}:")
        text = "\n\n".join(turns.view.text(p.start, p.end) for p in other.paragraphs)
        blocks.append(blockquote(text) or ">")
    return blocks
