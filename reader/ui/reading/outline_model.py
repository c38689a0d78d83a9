"""The outline tree of one transcript: metadata, sections, Q&A exchanges and turns.

Shape (one column):

    metadata item (company · period · date)
    "Doubts · N"                        only when the outline is unsure of something
        doubt (message)                 clicking one goes to the turn it concerns
    section "Prepared remarks"
        turn (speaker, role)            presentation turns sit directly under their section;
                                        "⚠" marks a doubted turn, "for X" an interpreter's
    section "Questions and answers"
        exchange (asker, firm)          one per analyst question
            turn ...                    the question turns, then the answers
        turn ...                        Q&A turns outside any exchange (operator, closing)

Every turn appears exactly once. The tree is built once per transcript and never changes,
so the model only implements the read-only half of QAbstractItemModel.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from reader.core.labels import SECTION_OUTLINE_TITLES, SPEAKER_KIND_NAMES
from reader.core.model import Lang, SectionKind, Speaker, Transcript, Turn
from reader.core.source_file import readable_name
from reader.ui.labels import label as ui_label
from reader.ui.reading.script_text import in_script

ModelIndex = QModelIndex | QPersistentModelIndex


class NodeKind(IntEnum):
    METADATA = 1
    SECTION = 2
    EXCHANGE = 3
    TURN = 4
    DOUBTS = 5
    DOUBT = 6


class OutlineRole(IntEnum):
    """Data roles beyond Qt's own; each returns None where it does not apply."""

    KindRole = Qt.ItemDataRole.UserRole + 1
    """NodeKind of the item."""
    TurnIndexRole = Qt.ItemDataRole.UserRole + 2
    """The turn to scroll to: the turn itself, or the first turn of a section/exchange."""
    SectionRole = Qt.ItemDataRole.UserRole + 3
    """SectionKind value (str) of sections and of the turns and exchanges inside them."""
    SpeakerIdRole = Qt.ItemDataRole.UserRole + 4
    """Speaker id of a turn, or of an exchange's asker."""
    ExchangeIndexRole = Qt.ItemDataRole.UserRole + 5
    """Index into `Transcript.exchanges` of an exchange, or of the exchange holding a turn."""
    LangRole = Qt.ItemDataRole.UserRole + 6
    """Lang value (str) of a turn."""
    InterpretationRole = Qt.ItemDataRole.UserRole + 7
    """True for a turn that interprets another (or is marked interpreted), else False."""



_NO_PARENT = -1


@dataclass(slots=True)
class _Node:
    kind: NodeKind
    label: str
    parent: int
    row: int
    turn: int | None = None
    section: SectionKind | None = None
    speaker: int | None = None
    exchange: int | None = None
    lang: Lang | None = None
    interpretation: bool = False
    tooltip: str = ""
    children: list[int] = field(default_factory=list)


def _speaker_label(speaker: Speaker) -> str:
    role = speaker.role
    if not role or role.casefold() == speaker.label.casefold():
        return speaker.label  # "Management (Management)" says nothing twice
    return f"{speaker.label} ({role})"


def _snippet(text: str, width: int = 160) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})


def tooltip_text(*lines: str) -> str:
    """A tooltip showing `lines` literally.

    Qt renders a tooltip as rich text when it looks like markup; transcript text is escaped
    and wrapped so it can only ever show as the characters it is.
    """
    return "<qt>" + "<br>".join(line.translate(_ESCAPES) for line in lines if line) + "</qt>"


class OutlineModel(QAbstractItemModel):
    """A read-only tree over one `Transcript` (see the module docstring for its shape)."""

    def __init__(self, transcript: Transcript, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._transcript = transcript
        self._nodes: list[_Node] = []
        self._top: list[int] = []
        self._node_of_turn: dict[int, int] = {}
        self._script = "none"
        self._build()

    def set_script(self, config: str) -> None:
        """Show names and titles from the transcript in this Chinese script."""
        if config == self._script:
            return
        self._script = config
        parents = [QModelIndex()] + [self.createIndex(n.row, 0, i)
                                     for i, n in enumerate(self._nodes) if n.children]
        for parent in parents:
            rows = self.rowCount(parent)
            if rows:
                self.dataChanged.emit(self.index(0, 0, parent), self.index(rows - 1, 0, parent),
                                      [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole])

    @property
    def transcript(self) -> Transcript:
        return self._transcript

    # Building --------------------------------------------------------------------------

    def _add(self, node: _Node) -> int:
        node_id = len(self._nodes)
        self._nodes.append(node)
        siblings = self._top if node.parent == _NO_PARENT else self._nodes[node.parent].children
        node.row = len(siblings)
        siblings.append(node_id)
        return node_id

    def _build(self) -> None:
        t = self._transcript
        self._add(self._metadata_node())
        doubted = self._add_doubts()
        exchange_of_turn: dict[int, int] = {}
        for n, exchange in enumerate(t.exchanges):
            for i in sorted(exchange.question + exchange.answer):
                if 0 <= i < len(t.turns) and t.turns[i].section is SectionKind.QA:
                    exchange_of_turn.setdefault(i, n)

        for kind in SectionKind:
            turns = t.turns_in(kind)
            if not turns:
                continue
            section = self._add(_Node(
                NodeKind.SECTION, f"{ui_label(SECTION_OUTLINE_TITLES[kind])} · {len(turns)}",
                _NO_PARENT, 0, turn=turns[0].index, section=kind,
                tooltip=tooltip_text(ui_label(SECTION_OUTLINE_TITLES[kind]) + (
                    self.tr(": written by the website, not said on the call")
                    if kind is SectionKind.SUMMARY else ""),
                    self.tr("{n} turns, {first}–{last}").format(
                        n=len(turns), first=turns[0].index + 1, last=turns[-1].index + 1))))
            placed: dict[int, int] = {}
            for turn in turns:
                ex = exchange_of_turn.get(turn.index)
                if ex is None:
                    self._add_turn(turn, section, None, doubted.get(turn.index))
                    continue
                if ex not in placed:
                    placed[ex] = self._exchange_node(ex, section, turn.index)
                self._add_turn(turn, placed[ex], ex, doubted.get(turn.index))

    def _add_doubts(self) -> dict[int, str]:
        """A "Doubts" branch under the metadata, so a guessed outline reads as one; returns
        each doubted turn's first doubt."""
        doubts = self._transcript.doubts
        if not doubts:
            return {}
        branch = self._add(_Node(
            NodeKind.DOUBTS, self.tr("Doubts · {n}").format(n=len(doubts)), _NO_PARENT, 0,
            tooltip=tooltip_text(self.tr("Parts of this outline are guesses:"),
                                 *(d.message for d in doubts[:8]))))
        doubted: dict[int, str] = {}
        for d in doubts:
            self._add(_Node(NodeKind.DOUBT, d.message, branch, 0, turn=d.turn,
                            tooltip=tooltip_text(d.message)))
            if d.turn is not None:
                doubted.setdefault(d.turn, d.message)
        return doubted

    def _metadata_node(self) -> _Node:
        t = self._transcript
        m = t.meta
        name = m.company or m.title or readable_name(t.source.name)
        parts = [name] + [p for p in (m.period, m.date) if p]
        facts = [
            self.tr("Company: {value}").format(value=m.company or "-"),
            self.tr("Ticker: {value}").format(value=m.ticker or "-"),
            self.tr("Period: {value}").format(value=m.period or "-"),
            self.tr("Date: {value}").format(value=m.date or "-"),
            self.tr("File: {name} ({encoding}, {layout} layout)").format(
                name=readable_name(t.source.name), encoding=t.source.encoding, layout=t.format),
        ]
        return _Node(NodeKind.METADATA, " · ".join(parts), _NO_PARENT, 0,
                     turn=0 if t.turns else None, tooltip=tooltip_text(*facts))

    def _exchange_node(self, n: int, section: int, first_turn: int) -> int:
        t = self._transcript
        exchange = t.exchanges[n]
        asker = (t.speakers[exchange.asker]
                 if exchange.asker is not None and 0 <= exchange.asker < len(t.speakers)
                 else None)
        who = asker.label if asker else self.tr("Unknown asker")
        if asker and asker.affiliation:
            who += f", {asker.affiliation}"
        first_question = t.turns[exchange.question[0]].text if exchange.question else ""
        return self._add(_Node(
            NodeKind.EXCHANGE, f"Q{n + 1}. {who}", section, 0, turn=first_turn,
            section=SectionKind.QA, speaker=asker.id if asker else None, exchange=n,
            tooltip=tooltip_text(self.tr("Question {n} of {total}: {who}").format(
                                     n=n + 1, total=len(t.exchanges), who=who),
                                 _snippet(first_question))))

    def _add_turn(self, turn: Turn, parent: int, exchange: int | None,
                  doubt: str | None = None) -> None:
        t = self._transcript
        speaker = t.speaker_of(turn)
        voiced = (t.speakers[turn.speaks_for] if turn.speaks_for is not None
                  and turn.speaks_for != turn.speaker else None)
        if turn.interprets:
            what = self.tr("interpretation of turn {turns}").format(
                turns=", ".join(str(i + 1) for i in turn.interprets))
            if voiced is not None:
                what += self.tr(", on behalf of {speaker}").format(speaker=voiced.label)
        elif turn.interpreted:
            what = self.tr("interpreted (original not in the source)")
        else:
            what = {Lang.ZH: self.tr("Mandarin"), Lang.EN: self.tr("English")}.get(
                turn.lang, self.tr("mixed languages"))
        if turn.section is SectionKind.SUMMARY:
            # Summary items share one pseudo-speaker; their first line (a heading) is what
            # tells them apart.
            label = _snippet(turn.paragraphs[0].text, 80)
        else:
            label = _speaker_label(speaker)
            if voiced is not None:
                label += self.tr(" for {speaker}").format(speaker=voiced.label)
        if doubt is not None:
            label = "⚠ " + label
        node_id = self._add(_Node(
            NodeKind.TURN, label, parent, 0, turn=turn.index,
            section=turn.section, speaker=speaker.id, exchange=exchange, lang=turn.lang,
            interpretation=bool(turn.interprets or turn.interpreted),
            tooltip=tooltip_text(
                self.tr("Turn {n}: {speaker}, {kind}").format(
                    n=turn.index + 1, speaker=speaker.label,
                    kind=ui_label(SPEAKER_KIND_NAMES[speaker.kind])),
                what, self.tr("Doubt: {doubt}").format(doubt=doubt) if doubt else "",
                _snippet(turn.text))))
        self._node_of_turn[turn.index] = node_id

    # Lookups ---------------------------------------------------------------------------

    def index_for_turn(self, turn_index: int) -> QModelIndex:
        """The item of a turn, or an invalid index for a turn not in the transcript."""
        node_id = self._node_of_turn.get(turn_index)
        if node_id is None:
            return QModelIndex()
        return self.createIndex(self._nodes[node_id].row, 0, node_id)

    def exchange_indexes(self) -> list[QModelIndex]:
        """The exchange items, in call order."""
        return [self.createIndex(node.row, 0, node_id)
                for node_id, node in enumerate(self._nodes) if node.kind is NodeKind.EXCHANGE]

    def section_index(self, kind: SectionKind) -> QModelIndex:
        for row, node_id in enumerate(self._top):
            if self._nodes[node_id].section is kind and \
                    self._nodes[node_id].kind is NodeKind.SECTION:
                return self.createIndex(row, 0, node_id)
        return QModelIndex()

    def _node(self, index: ModelIndex) -> _Node | None:
        if not index.isValid() or index.model() is not self:
            return None
        node_id = index.internalId()
        return self._nodes[node_id] if 0 <= node_id < len(self._nodes) else None

    # QAbstractItemModel ----------------------------------------------------------------

    def index(self, row: int, column: int, parent: ModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008 (Qt's own signature)
        if column != 0 or row < 0:
            return QModelIndex()
        if parent.isValid():
            node = self._node(parent)
            if node is None or parent.column() != 0:
                return QModelIndex()
            siblings = node.children
        else:
            siblings = self._top
        if row >= len(siblings):
            return QModelIndex()
        return self.createIndex(row, 0, siblings[row])

    def parent(self, index: ModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008 (Qt's own signature)
        node = self._node(index)
        if node is None or node.parent == _NO_PARENT:
            return QModelIndex()
        return self.createIndex(self._nodes[node.parent].row, 0, node.parent)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's own signature)
        if not parent.isValid():
            return len(self._top)
        if parent.column() != 0:
            return 0
        node = self._node(parent)
        return len(node.children) if node else 0

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's own signature)
        return 1

    def hasChildren(self, parent: ModelIndex = QModelIndex()) -> bool:  # noqa: B008 (Qt's own signature)
        return self.rowCount(parent) > 0

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if self._node(index) is None:
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self.hasChildren(index):
            flags |= Qt.ItemFlag.ItemNeverHasChildren
        return flags

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if section == 0 and orientation is Qt.Orientation.Horizontal \
                and role == Qt.ItemDataRole.DisplayRole:
            return self.tr("Outline")
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        node = self._node(index)
        if node is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return in_script(node.label, self._script)
        if role == Qt.ItemDataRole.ToolTipRole:
            return in_script(node.tooltip, self._script)
        if role == Qt.ItemDataRole.FontRole:
            if node.kind in (NodeKind.METADATA, NodeKind.SECTION, NodeKind.DOUBTS):
                font = QFont()
                font.setBold(True)
                return font
            if node.interpretation:
                font = QFont()
                font.setItalic(True)  # the interpreter's words, not the speaker's own
                return font
            return None
        if role == OutlineRole.KindRole:
            return int(node.kind)
        if role == OutlineRole.TurnIndexRole:
            return node.turn
        if role == OutlineRole.SectionRole:
            return node.section.value if node.section else None
        if role == OutlineRole.SpeakerIdRole:
            return node.speaker
        if role == OutlineRole.ExchangeIndexRole:
            return node.exchange
        if role == OutlineRole.LangRole:
            return node.lang.value if node.lang else None
        if role == OutlineRole.InterpretationRole:
            return node.interpretation if node.kind is NodeKind.TURN else None
        return None
