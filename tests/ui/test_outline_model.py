"""The outline tree model: shape, roles, lookups, escaping, and Qt's model contract."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any QApplication exists

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt

from reader.core.model import (
    Exchange,
    Lang,
    Meta,
    Paragraph,
    SectionKind,
    SourceInfo,
    Speaker,
    SpeakerKind,
    Transcript,
    Turn,
)
from reader.core.pipeline import parse_bytes
from reader.ui.reading.outline_model import NodeKind, OutlineModel, OutlineRole

pytestmark = pytest.mark.gui


def _turn(text: str, index: int, speaker: int, section: SectionKind, start: int,
          **kw: object) -> Turn:
    return Turn(index, speaker, section, [Paragraph(start, start + len(text), text)], **kw)  # type: ignore[arg-type]


def make_transcript() -> Transcript:
    """A small invented call: two prepared turns, two exchanges, an operator turn between."""
    lines = [
        (0, SectionKind.PRESENTATION, "Good morning and welcome to the Harrowgate call."),
        (1, SectionKind.PRESENTATION, "我们本季度收入增长百分之八。"),
        (2, SectionKind.PRESENTATION, "Our revenue grew eight percent this quarter."),
        (0, SectionKind.QA, "The first question comes from Ida Vance of Pellmark."),
        (3, SectionKind.QA, "How do you see margins next year?"),
        (1, SectionKind.QA, "我们预计利润率保持稳定。"),
        (2, SectionKind.QA, "We expect margins to stay stable."),
        (0, SectionKind.QA, "The next question comes from Otto Brandt of Keelson."),
        (4, SectionKind.QA, "What about the dividend?"),
        (1, SectionKind.QA, "分红政策不变。"),
        (0, SectionKind.QA, "That concludes the call."),
    ]
    text = ""
    turns = []
    for i, (speaker, section, words) in enumerate(lines):
        start = len(text)
        text += words + "\n\n"
        lang = Lang.ZH if speaker == 1 else Lang.EN
        interprets = [i - 1] if speaker == 2 else []
        turns.append(_turn(words, i, speaker, section, start, lang=lang, interprets=interprets))
    speakers = [
        Speaker(0, "Operator", None, SpeakerKind.OPERATOR),
        Speaker(1, "Lin Qiao", "Chief Executive Officer", SpeakerKind.EXECUTIVE),
        Speaker(2, "Maya Sun", "Investor Relations", SpeakerKind.INTERPRETER),
        Speaker(3, "Ida Vance", "Analyst", SpeakerKind.ANALYST, "Pellmark"),
        Speaker(4, "Otto Brandt", "Analyst", SpeakerKind.ANALYST, "Keelson"),
    ]
    exchanges = [Exchange(3, [4], [5, 6]), Exchange(4, [8], [9])]
    return Transcript("test", SourceInfo("harrowgate.txt", "utf-8", "0" * 64), text,
                      Meta(company="Harrowgate Holdings", period="Q3 2024", date="2024-11-12"),
                      speakers, turns, exchanges)


def children(model: OutlineModel, parent: QModelIndex) -> list[QModelIndex]:
    return [model.index(r, 0, parent) for r in range(model.rowCount(parent))]


def turn_nodes(model: OutlineModel, parent: QModelIndex | None = None) -> list[QModelIndex]:
    """Every turn item under `parent`, depth first."""
    out = []
    for child in children(model, parent or QModelIndex()):
        if child.data(OutlineRole.KindRole) == NodeKind.TURN:
            out.append(child)
        out.extend(turn_nodes(model, child))
    return out


def test_shape_metadata_sections_exchanges_turns(qtmodeltester):
    t = make_transcript()
    model = OutlineModel(t)
    qtmodeltester.check(model)

    top = children(model, QModelIndex())
    kinds = [i.data(OutlineRole.KindRole) for i in top]
    assert kinds == [NodeKind.METADATA, NodeKind.SECTION, NodeKind.SECTION]
    meta = top[0].data()
    assert "Harrowgate Holdings" in meta and "Q3 2024" in meta and "2024-11-12" in meta

    presentation, qa = top[1], top[2]
    assert presentation.data(OutlineRole.SectionRole) == "presentation"
    assert [c.data(OutlineRole.TurnIndexRole) for c in children(model, presentation)] == [0, 1, 2]

    qa_children = children(model, qa)
    assert [c.data(OutlineRole.KindRole) for c in qa_children] == [
        NodeKind.TURN, NodeKind.EXCHANGE, NodeKind.TURN, NodeKind.EXCHANGE, NodeKind.TURN]
    first, second = qa_children[1], qa_children[3]
    assert "Ida Vance" in first.data() and "Pellmark" in first.data()
    assert "Otto Brandt" in second.data() and "Keelson" in second.data()
    assert first.data(OutlineRole.ExchangeIndexRole) == 0
    assert first.data(OutlineRole.SpeakerIdRole) == 3
    assert [c.data(OutlineRole.TurnIndexRole) for c in children(model, first)] == [4, 5, 6]
    assert [c.data(OutlineRole.TurnIndexRole) for c in children(model, second)] == [8, 9]
    assert first.data(OutlineRole.TurnIndexRole) == 4  # an exchange scrolls to its question


def test_every_turn_appears_once_and_index_for_turn_finds_it():
    t = make_transcript()
    model = OutlineModel(t)
    found = [i.data(OutlineRole.TurnIndexRole) for i in turn_nodes(model)]
    assert sorted(found) == list(range(len(t.turns)))
    for turn in t.turns:
        index = model.index_for_turn(turn.index)
        assert index.isValid()
        assert index.data(OutlineRole.TurnIndexRole) == turn.index
        assert index.data(OutlineRole.SpeakerIdRole) == turn.speaker
        assert index.data(OutlineRole.LangRole) == turn.lang.value
    assert not model.index_for_turn(len(t.turns)).isValid()
    assert not model.index_for_turn(-1).isValid()


def test_turn_labels_show_speaker_and_role_and_mark_interpretations():
    t = make_transcript()
    model = OutlineModel(t)
    ceo = model.index_for_turn(1)
    assert ceo.data() == "Lin Qiao (Chief Executive Officer)"
    assert ceo.data(OutlineRole.InterpretationRole) is False
    interp = model.index_for_turn(2)
    assert interp.data(OutlineRole.InterpretationRole) is True
    assert interp.data(Qt.ItemDataRole.FontRole).italic()
    assert "interpretation of turn 2" in interp.data(Qt.ItemDataRole.ToolTipRole)


def test_a_role_that_repeats_the_name_is_not_shown_twice():
    t = make_transcript()
    t.speakers[1].name, t.speakers[1].role = "Management", "management"
    assert OutlineModel(t).index_for_turn(1).data() == "Management"


def test_summary_items_are_labelled_by_their_first_line():
    t = make_transcript()
    heading = "Margins Hold Despite Softer Demand"
    body = "A paragraph the website wrote about the call."
    text = t.text + heading + "\n\n" + body
    start = len(t.text)
    summary = Turn(0, 0, SectionKind.SUMMARY, [
        Paragraph(start, start + len(heading), heading),
        Paragraph(start + len(heading) + 2, len(text), body)])
    turns = [summary] + [Turn(turn.index + 1, turn.speaker, turn.section, turn.paragraphs,
                              turn.lang, turn.interpreted, [i + 1 for i in turn.interprets])
                         for turn in t.turns]
    shifted = Transcript(t.format, t.source, text, t.meta, t.speakers, turns,
                         [Exchange(e.asker, [i + 1 for i in e.question],
                                   [i + 1 for i in e.answer]) for e in t.exchanges])
    model = OutlineModel(shifted)
    section = model.index(1, 0)
    assert section.data(OutlineRole.SectionRole) == "summary"
    assert section.data() == "Summary (generated) · 1"
    assert model.index_for_turn(0).data() == heading
    assert model.index_for_turn(0).parent() == section


def test_tooltips_escape_markup_from_the_transcript():
    t = make_transcript()
    t.speakers[3].name = "<b>Ida</b> <img src='file:///etc/passwd'>"
    model = OutlineModel(t)
    tip = model.index_for_turn(4).data(Qt.ItemDataRole.ToolTipRole)
    assert "<b>" not in tip and "<img" not in tip
    assert "&lt;b&gt;Ida&lt;/b&gt;" in tip


def test_transcript_without_turns_is_just_metadata(qtmodeltester):
    t = Transcript("test", SourceInfo("empty.txt", "utf-8", "1" * 64), "", Meta(), [], [])
    model = OutlineModel(t)
    qtmodeltester.check(model)
    assert model.rowCount() == 1
    assert model.index(0, 0).data() == "empty.txt"
    assert model.index(0, 0).data(OutlineRole.TurnIndexRole) is None


def test_exchange_pointing_outside_the_qa_is_ignored_not_duplicated(qtmodeltester):
    t = make_transcript()
    t.exchanges.append(Exchange(3, [0], [1]))  # presentation turns: a bad exchange
    t.exchanges.append(Exchange(None, [99], []))  # no such turn
    model = OutlineModel(t)
    qtmodeltester.check(model)
    found = [i.data(OutlineRole.TurnIndexRole) for i in turn_nodes(model)]
    assert sorted(found) == list(range(len(t.turns)))


def test_unknown_roles_and_invalid_indexes_return_nothing():
    model = OutlineModel(make_transcript())
    assert model.data(QModelIndex()) is None
    assert model.data(model.index(0, 0), Qt.ItemDataRole.UserRole + 500) is None
    assert not model.index(0, 1).isValid()
    assert not model.index(50, 0).isValid()
    assert not model.parent(model.index(0, 0)).isValid()


def test_fixture_transcripts_pass_the_model_tester(qtmodeltester, fixtures_dir: Path):
    for path in sorted(fixtures_dir.glob("*.txt")):
        t = parse_bytes(path.read_bytes(), path.name)
        model = OutlineModel(t)
        qtmodeltester.check(model)
        found = sorted(i.data(OutlineRole.TurnIndexRole) for i in turn_nodes(model))
        assert found == list(range(len(t.turns))), path.name


@pytest.mark.seeds
def test_seed_outlines_pass_the_model_tester(qtmodeltester, seeds_dir: Path):
    seeds = sorted(seeds_dir.glob("*.txt"))
    assert seeds
    for path in seeds:
        t = parse_bytes(path.read_bytes(), path.name)
        model = OutlineModel(t)
        qtmodeltester.check(model)
        assert len(model.exchange_indexes()) == len(
            {n for n, e in enumerate(t.exchanges)
             if any(t.turns[i].section is SectionKind.QA for i in e.question + e.answer
                    if 0 <= i < len(t.turns))}), path.name


def test_doubts_branch_lists_what_the_outline_is_unsure_of(qtmodeltester) -> None:
    from reader.core.model import Doubt

    t = make_transcript()
    t.turns[2].speaks_for = 1
    t.doubts = [Doubt("long_turn", "turn 5 (Ida Vance, analyst) is 6× the Q&A's median", 4),
                Doubt("silent_participant", "Ada Holt is listed but never speaks")]
    model = OutlineModel(t)
    qtmodeltester.check(model)
    top = children(model, QModelIndex())
    assert top[1].data() == "Doubts · 2"
    assert top[1].data(OutlineRole.KindRole) == NodeKind.DOUBTS
    doubts = children(model, top[1])
    assert [d.data(OutlineRole.TurnIndexRole) for d in doubts] == [4, None]
    assert doubts[1].data() == "Ada Holt is listed but never speaks"
    turn = model.index_for_turn(4)
    assert turn.data().startswith("⚠ ") and "Doubt: turn 5" in turn.data(Qt.ItemDataRole.ToolTipRole)
    voiced = model.index_for_turn(2)
    assert voiced.data() == "Maya Sun (Investor Relations) for Lin Qiao"
    assert "on behalf of Lin Qiao" in voiced.data(Qt.ItemDataRole.ToolTipRole)


def test_no_doubts_no_branch() -> None:
    model = OutlineModel(make_transcript())
    kinds = [i.data(OutlineRole.KindRole) for i in children(model, QModelIndex())]
    assert NodeKind.DOUBTS not in kinds
