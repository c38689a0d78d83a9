"""The Quartr-style layout, on a fixture written for it and on the real seed."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.formats.quartr import QuartrParser
from reader.core.model import Lang, SectionKind, SpeakerKind, Transcript
from reader.core.pipeline import parse_bytes


def _speaker(t: Transcript, name: str):
    return next(s for s in t.speakers if s.name == name)


def _turns_of(t: Transcript, name: str) -> list[int]:
    sid = _speaker(t, name).id
    return [turn.index for turn in t.turns if turn.speaker == sid]


@pytest.fixture
def lanting(fixtures_dir: Path) -> Transcript:
    path = fixtures_dir / "quartr_lanting_q2_2024.txt"
    return parse_bytes(path.read_bytes(), path.name)


def test_fixture_is_detected_and_metadata_read(lanting: Transcript) -> None:
    assert lanting.format == "quartr"
    assert lanting.meta.company == "Lanting Digital"
    assert lanting.meta.period == "Q2 2024"
    assert lanting.meta.date == "2024-08-21"
    assert all("Sign in" not in p.text for turn in lanting.turns for p in turn.paragraphs)


def test_fixture_speakers_and_kinds(lanting: Transcript) -> None:
    kinds = {s.name: s.kind for s in lanting.speakers}
    assert kinds == {
        "Operator": SpeakerKind.OPERATOR,
        "Wendy Luo": SpeakerKind.EXECUTIVE,
        "Peng Gao": SpeakerKind.EXECUTIVE,
        "Daniel Fu": SpeakerKind.EXECUTIVE,
        "Helen Zhou": SpeakerKind.ANALYST,
        "Mark Tan": SpeakerKind.ANALYST,
        "Ivy Shen": SpeakerKind.ANALYST,
    }
    assert _speaker(lanting, "Wendy Luo").role == "Head of Investor Relations"
    assert _speaker(lanting, "Helen Zhou").affiliation == "Harbor Securities"
    assert _speaker(lanting, "Mark Tan").affiliation == "Eastbridge Capital"
    # Announced by a turn the source mislabels as Mark Tan's.
    assert _speaker(lanting, "Ivy Shen").affiliation == "Northpeak Research"


def test_fixture_qa_starts_at_operator_instructions(lanting: Transcript) -> None:
    first_qa = next(t for t in lanting.turns if t.section is SectionKind.QA)
    assert lanting.speaker_of(first_qa).name == "Operator"
    assert first_qa.paragraphs[0].text.startswith("Thank you. To ask a question")
    assert all(t.section is SectionKind.PRESENTATION for t in lanting.turns[: first_qa.index])


def test_fixture_languages(lanting: Transcript) -> None:
    langs = {turn.index: turn.lang for turn in lanting.turns}
    helen = _turns_of(lanting, "Helen Zhou")[0]
    assert langs[helen] is Lang.MIXED
    for i in _turns_of(lanting, "Peng Gao"):
        assert langs[i] is Lang.ZH
    for i in _turns_of(lanting, "Wendy Luo"):
        assert langs[i] is Lang.EN


def test_fixture_each_mandarin_turn_interpreted_by_the_next(lanting: Transcript) -> None:
    wendy = _speaker(lanting, "Wendy Luo").id
    for i in _turns_of(lanting, "Peng Gao"):
        nxt = lanting.turns[i + 1] if i + 1 < len(lanting.turns) else None
        if nxt is not None and nxt.speaker == wendy:
            assert nxt.interprets == [i]
        else:
            # A hand-over ("please answer, Daniel") or a goodbye: nobody interprets it.
            assert lanting.interpreters_of(i) == []
    assert all(not turn.interprets for turn in lanting.turns if turn.speaker != wendy)


def test_fixture_exchanges_survive_wrong_labels(lanting: Transcript) -> None:
    askers = [lanting.speakers[e.asker].name for e in lanting.exchanges if e.asker is not None]
    assert askers == ["Helen Zhou", "Mark Tan", "Ivy Shen"]
    mark = lanting.exchanges[1]
    # The question's second half is filed under the CFO's name; it stays in the question.
    cont = mark.question[1]
    assert lanting.speaker_of(lanting.turns[cont]).name == "Daniel Fu"
    assert lanting.turns[cont].paragraphs[0].text.startswith("expected level")
    # The operator's words under Mark Tan's header close his exchange and belong to none.
    mislabelled = next(t for t in lanting.turns
                       if t.speaker == _speaker(lanting, "Mark Tan").id and "next question" in t.text)
    assert all(mislabelled.index not in e.question + e.answer for e in lanting.exchanges)
    # Closing remarks after the operator ends the Q&A are in no exchange.
    last_ceo = _turns_of(lanting, "Peng Gao")[-1]
    assert all(last_ceo not in e.answer for e in lanting.exchanges)


def test_detect_rejects_other_shapes() -> None:
    assert QuartrParser().detect("Operator: Welcome.\n\nJane Doe: Thanks.\n") == 0.0
    assert QuartrParser().detect("") == 0.0


# --- the real seed --------------------------------------------------------------------------


@pytest.fixture
def qfin(seeds_dir: Path) -> Transcript:
    path = seeds_dir / "quartr_qfin_q1_2023.txt"
    return parse_bytes(path.read_bytes(), path.name)


@pytest.mark.seeds
def test_seed_metadata(qfin: Transcript) -> None:
    assert qfin.format == "quartr"
    assert (qfin.meta.company, qfin.meta.period, qfin.meta.date) == (
        "Qfin Holdings", "Q1 2023", "2023-05-18")


@pytest.mark.seeds
def test_seed_speaker_kinds(qfin: Transcript) -> None:
    kinds = {s.name: s.kind for s in qfin.speakers}
    for name in ("Haisheng Wu", "Karen Ji", "Alex Xu"):
        assert kinds[name] is SpeakerKind.EXECUTIVE, name
    for name in ("Frank Zheng", "Alex Ye", "Richard Xu"):
        assert kinds[name] is SpeakerKind.ANALYST, name
    assert kinds["Operator"] is SpeakerKind.OPERATOR
    assert _speaker(qfin, "Frank Zheng").affiliation == "Credit Suisse"
    assert _speaker(qfin, "Richard Xu").affiliation == "Morgan Stanley"


@pytest.mark.seeds
def test_seed_qa_starts_at_question_instructions(qfin: Transcript) -> None:
    first_qa = next(t for t in qfin.turns if t.section is SectionKind.QA)
    assert qfin.speaker_of(first_qa).name == "Operator"
    assert "to ask a question" in first_qa.text
    # The opening operator turn also mentions questions; it is not the start of the Q&A.
    assert qfin.turns[0].section is SectionKind.PRESENTATION


@pytest.mark.seeds
def test_seed_ceo_mandarin_interpreted_by_next_turn(qfin: Transcript) -> None:
    karen = _speaker(qfin, "Karen Ji").id
    linked = 0
    for i in _turns_of(qfin, "Haisheng Wu"):
        turn = qfin.turns[i]
        if turn.lang is not Lang.ZH:
            continue
        nxt = qfin.turns[i + 1]
        if nxt.speaker == karen:
            assert nxt.interprets == [i], i
            linked += 1
        else:
            # Two hand-overs: to the CFO ("请 Alex 先说") and back to the analyst.
            assert qfin.interpreters_of(i) == [], i
    assert linked >= 15


@pytest.mark.seeds
def test_seed_three_exchanges(qfin: Transcript) -> None:
    askers = [qfin.speakers[e.asker].name for e in qfin.exchanges if e.asker is not None]
    assert askers == ["Frank Zheng", "Alex Ye", "Richard Xu"]
    alex_q = qfin.exchanges[1].question
    # The English half of Alex Ye's question is filed under the CFO in the source.
    assert [qfin.speaker_of(qfin.turns[i]).name for i in alex_q] == ["Alex Ye", "Alex Xu"]
    for e in qfin.exchanges:
        assert e.answer, e
        assert all(qfin.speaker_of(qfin.turns[i]).kind is SpeakerKind.EXECUTIVE for i in e.answer)
