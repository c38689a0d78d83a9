"""Reading rows: originals beside their interpretations, on fixtures, built cases and seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.model import (
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
from reader.core.rows import Row, aligned_rows, has_interpretation, row_of_turn


def _load(path: Path) -> Transcript:
    return parse_bytes(path.read_bytes(), path.name)


def _build(spec: list[tuple[str, Lang, str, list[int], bool]]) -> Transcript:
    """A transcript from (speaker name, lang, text, interprets, interpreted) per turn."""
    names: list[str] = []
    turns: list[Turn] = []
    text = ""
    for i, (name, lang, words, interprets, interpreted) in enumerate(spec):
        if name not in names:
            names.append(name)
        start = len(text)
        text += words + "\n\n"
        para = Paragraph(start, start + len(words), words)
        turns.append(Turn(i, names.index(name), SectionKind.PRESENTATION, [para], lang,
                          interpreted, list(interprets)))
    speakers = [Speaker(k, n, None, SpeakerKind.EXECUTIVE) for k, n in enumerate(names)]
    return Transcript("test", SourceInfo("t.txt", "utf-8", "0"), text, Meta(), speakers, turns)


def _check_partition(t: Transcript, rows: list[Row]) -> None:
    """Every turn shows exactly once, and rows come in reading order."""
    shown = sorted(i for row in rows for i in row.original + row.interpretation)
    assert shown == list(range(len(t.turns)))
    firsts = [row.first_turn for row in rows]
    assert firsts == sorted(firsts)


def test_lanting_mandarin_turns_sit_beside_their_interpretation(fixtures_dir: Path) -> None:
    t = _load(fixtures_dir / "quartr_lanting_q2_2024.txt")
    rows = aligned_rows(t)
    _check_partition(t, rows)
    assert has_interpretation(t)
    pairs = [row for row in rows if row.original and row.interpretation]
    assert pairs, "the fixture's CEO turns are interpreted"
    for row in pairs:
        originals = [t.turns[i] for i in row.original]
        rendering = [t.turns[i] for i in row.interpretation]
        assert {t.speaker_of(o).name for o in originals} == {"Peng Gao"}
        assert {t.speaker_of(r).name for r in rendering} == {"Wendy Luo"}
        assert all(o.lang is Lang.ZH for o in originals)
        assert row.interpretation == [row.original[-1] + 1]  # the very next turn
    opening = next(row for row in pairs if "感 谢 各 位" in t.turns[row.original[0]].text)
    assert "thank you for joining" in t.turns[opening.interpretation[0]].text


def test_lanting_uninterpreted_turns_stay_on_the_left(fixtures_dir: Path) -> None:
    t = _load(fixtures_dir / "quartr_lanting_q2_2024.txt")
    rows = aligned_rows(t)
    by_turn = {i: row for row in rows for i in row.original + row.interpretation}
    mixed = next(turn for turn in t.turns if t.speaker_of(turn).name == "Helen Zhou")
    assert mixed.lang is Lang.MIXED
    assert by_turn[mixed.index].original == [mixed.index]
    assert by_turn[mixed.index].interpretation == []
    operator = t.turns[0]
    assert by_turn[0].original == [operator.index] and by_turn[0].interpretation == []


def test_one_turn_interpreting_two_originals_makes_one_row() -> None:
    t = _build([
        ("Op", Lang.EN, "Welcome.", [], False),
        ("Ceo", Lang.ZH, "第一段。", [], False),
        ("Ceo", Lang.ZH, "第二段。", [], False),
        ("Ir", Lang.EN, "Both parts, in English.", [1, 2], False),
        ("Cfo", Lang.EN, "Numbers in English.", [], False),
    ])
    rows = aligned_rows(t)
    _check_partition(t, rows)
    assert [(r.original, r.interpretation) for r in rows] == [
        ([0], []), ([1, 2], [3]), ([4], [])]


def test_interpretation_carried_over_two_turns_shares_the_row() -> None:
    t = _build([
        ("Ceo", Lang.ZH, "很长的一段话。", [], False),
        ("Ir", Lang.EN, "First half.", [0], False),
        ("Ir", Lang.EN, "Second half.", [0], False),
    ])
    assert [(r.original, r.interpretation) for r in aligned_rows(t)] == [([0], [1, 2])]


def test_interpreted_turn_without_original_goes_right_in_an_interpreted_call() -> None:
    t = _build([
        ("Ceo", Lang.ZH, "大家好。", [], False),
        ("Ir", Lang.EN, "Hello everyone.", [0], False),
        ("Cro", Lang.EN, "[Interpreted] Risk is stable.", [], True),
    ])
    rows = aligned_rows(t)
    assert (rows[-1].original, rows[-1].interpretation) == ([], [2])


def test_english_only_call_reads_as_one_column() -> None:
    t = _build([
        ("Op", Lang.EN, "Welcome.", [], False),
        ("Ceo", Lang.EN, "[Interpreted] Good results.", [], True),
        ("Cfo", Lang.EN, "Numbers.", [], False),
    ])
    assert not has_interpretation(t)
    rows = aligned_rows(t)
    assert [(r.original, r.interpretation) for r in rows] == [([0], []), ([1], []), ([2], [])]


def test_links_out_of_range_or_to_itself_are_ignored() -> None:
    t = _build([
        ("Ceo", Lang.ZH, "你好。", [], False),
        ("Ir", Lang.EN, "Hello.", [0, 7, 1], False),
    ])
    rows = aligned_rows(t)
    _check_partition(t, rows)
    assert [(r.original, r.interpretation) for r in rows] == [([0], [1])]


def test_empty_transcript_has_no_rows() -> None:
    assert aligned_rows(_build([])) == []


def test_rows_carry_the_section_of_their_first_turn(fixtures_dir: Path) -> None:
    t = _load(fixtures_dir / "quartr_lanting_q2_2024.txt")
    for row in aligned_rows(t):
        assert row.section is t.turns[row.first_turn].section


@pytest.mark.seeds
@pytest.mark.parametrize("name", ["quartr_qfin_q1_2023.txt", "earningscall_qfin_q1_2024.txt",
                                  "alphaspread_lexin_q4_2023.txt"])
def test_seed_interpreted_pairs_share_a_row(seeds_dir: Path, name: str) -> None:
    t = _load(seeds_dir / name)
    rows = aligned_rows(t)
    _check_partition(t, rows)
    where = row_of_turn(rows)
    for turn in t.turns:
        for original in turn.interprets:
            assert where[original] == where[turn.index]
            assert original in rows[where[turn.index]].original
            assert turn.index in rows[where[turn.index]].interpretation


@pytest.mark.seeds
def test_quartr_seed_reads_in_two_columns(seeds_dir: Path) -> None:
    t = _load(seeds_dir / "quartr_qfin_q1_2023.txt")
    rows = aligned_rows(t)
    paired = [row for row in rows if row.original and row.interpretation]
    assert len(paired) >= 10, "the CEO's remarks are interpreted turn by turn"
    for row in paired:
        assert all(t.turns[i].lang is not Lang.EN for i in row.original)
