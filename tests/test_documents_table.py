"""Turn tables (CSV/TSV with speaker and text columns) open as outlines."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.documents import DocumentError
from reader.core.model import SpeakerKind
from reader.core.pipeline import parse_bytes

TABLE = '''Person,Sentence
Operator,"Good morning and welcome to the Fernhill call."
Dana Cole,"Thank you. Revenue grew 9%.
Margins held at 30%."
Dana Cole,We raised the outlook.
Operator,"Our first question comes from Ravi Shah with Oakline."
Ravi Shah,"How is demand, in your words?"
Dana Cole,"Demand is steady."
'''


def test_rows_of_one_speaker_make_one_turn() -> None:
    t = parse_bytes(TABLE.encode(), "fernhill.csv")
    assert t.source.container == "csv"
    assert [t.speaker_of(turn).name for turn in t.turns] == [
        "Operator", "Dana Cole", "Operator", "Ravi Shah", "Dana Cole"]
    assert t.turns[1].text == "Thank you. Revenue grew 9%. Margins held at 30%. We raised the outlook."
    assert next(s for s in t.speakers if s.name == "Ravi Shah").kind is SpeakerKind.ANALYST
    assert len(t.exchanges) == 1


def test_timed_rows_keep_their_times() -> None:
    data = "speaker\tstart\tend\ttext\nMara\t1.5\t4\tHello all.\nMara\t4\t9.25\tWe grew.\n"
    t = parse_bytes(data.encode(), "call.tsv")
    (para,) = t.turns[0].paragraphs
    assert para.text == "Hello all. We grew." and para.time == (1.5, 9.25)


@pytest.mark.parametrize("data", [b"a,b\n1,2\n", b"Person,Sentence\n", b"\"unclosed\n"])
def test_tables_that_are_not_transcripts_say_so(data: bytes) -> None:
    with pytest.raises(DocumentError) as info:
        parse_bytes(data, "x.csv")
    assert "\n" not in str(info.value)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_named_csv_give_an_outline_or_one_line(data: bytes) -> None:
    try:
        t = parse_bytes(b"Person,Sentence\n" + data, "x.csv")
    except ValueError as exc:
        assert "\n" not in str(exc)
        return
    for turn in t.turns:
        for p in turn.paragraphs:
            assert t.text[p.start:p.end] == p.text
