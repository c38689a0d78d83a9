"""The annotation use cases: import, highlights, tags, undo/redo, re-import of a corrected version."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from reader.services.annotations import (
    AnnotationError,
    AnnotationService,
    Changed,
    ImportStatus,
    NotFoundError,
    QuoteError,
    normalize_tag,
)


def corrected(v1: str) -> str:
    """The same call re-issued: words fixed, a paragraph inserted, one sentence deleted."""
    v2 = v1.replace("RMB 3.2 billion, up 12%", "RMB 3.25 billion, up 12.4%")
    v2 = v2.replace("Total operating expenses were", "Total opex was")
    v2 = v2.replace("Let me walk you through the financials. ", "")
    v2 = v2.replace(
        "Daniel Fu (Chief Financial Officer)\n\nSure.",
        "Daniel Fu (Chief Financial Officer)\n\nLet me add one point on credit quality first. "
        "Delinquency rates improved in every month of the quarter.\n\nSure.")
    return v2


@pytest.fixture
def call(tmp_path: Path, lanting_text: str) -> Path:
    path = tmp_path / "calls" / "lanting_q2.txt"
    path.parent.mkdir()
    path.write_text(lanting_text, encoding="utf-8")
    return path


def test_import_is_idempotent_and_keeps_the_text(service: AnnotationService, call: Path,
                                                 lanting_text: str, tmp_path: Path) -> None:
    first = service.import_file(call)
    assert first.status is ImportStatus.NEW
    info = first.transcript
    assert (info.company, info.period, info.date, info.format) == (
        "Lanting Digital", "Q2 2024", "2024-08-21", "quartr")
    assert service.transcript_text(info.id) == lanting_text
    assert service.import_file(call).status is ImportStatus.UNCHANGED
    copy = tmp_path / "elsewhere.txt"
    copy.write_bytes(call.read_bytes())
    again = service.import_file(copy)
    assert again.status is ImportStatus.UNCHANGED and again.transcript.id == info.id
    call.unlink()  # the library no longer needs the file
    assert service.outline(info.id).meta.company == "Lanting Digital"
    assert [t.id for t in service.library()] == [info.id]


def test_import_errors_are_one_line(service: AnnotationService, tmp_path: Path) -> None:
    with pytest.raises(AnnotationError, match="no such file"):
        service.import_file(tmp_path / "missing.txt")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(AnnotationError) as err:
        service.import_file(empty)
    assert "\n" not in str(err.value)


def test_create_edit_tag_delete_undo_redo(service: AnnotationService, call: Path) -> None:
    changes: list[Changed] = []
    service._on_change = changes.append
    tid = service.import_file(call).transcript.id
    text = service.transcript_text(tid)
    start = text.index("Total operating expenses")
    h = service.add_highlight(tid, start, start + 50, colour="Numbers", note="  costs  ",
                              tags=["opex", "#Guidance", "opex"])
    assert h.quote == text[start:start + 50] and h.note == "costs" and h.colour == "green"
    assert h.tags == ("Guidance", "opex") and h.prefix == text[start - 32:start]
    assert h.turn_index is not None
    assert service.outline(tid).speaker_of(service.outline(tid).turns[h.turn_index]).name == \
        "Daniel Fu"
    assert changes[-1] == Changed(transcripts=frozenset({tid}), highlights=frozenset({h.id}),
                                  tags=True)

    edited = service.update_highlight(h.id, note="opex flat", colour="red")
    assert (edited.note, edited.colour, edited.tags) == ("opex flat", "red", h.tags)
    tagged = service.add_tags(h.id, ["guidance", "credit-risk"])  # same tag, other case
    assert tagged.tags == ("credit-risk", "Guidance", "opex")
    untagged = service.remove_tags(h.id, ["OPEX"])
    assert untagged.tags == ("credit-risk", "Guidance")

    deleted = service.delete_highlight(h.id)
    assert deleted == untagged and service.highlights(tid) == []
    assert service.undo_label == "Delete highlight"
    service.undo()  # back, with its id and its tags
    assert service.highlights(tid) == [untagged]
    service.undo()  # the tag removal
    assert service.highlight(h.id).tags == ("credit-risk", "Guidance", "opex")
    service.undo()  # the tag addition
    service.undo()  # the edit
    # As it was, in a later version: a copy read before the undo must not save over it.
    back = service.highlight(h.id)
    assert back.version > h.version and dataclasses.replace(back, version=h.version) == h
    service.redo()
    assert service.highlight(h.id).note == "opex flat"
    service.undo()
    service.undo()  # the creation
    assert service.highlights(tid) == [] and not service.can_undo
    with pytest.raises(AnnotationError, match="nothing to undo"):
        service.undo()
    service.redo()
    assert service.highlight(h.id) == h
    service.add_highlight(tid, 0, 5)
    assert not service.can_redo  # a new change ends the redo history


def test_tags_are_listed_with_counts_and_checked(service: AnnotationService, call: Path) -> None:
    tid = service.import_file(call).transcript.id
    service.add_highlight(tid, 10, 20, tags=["risk", "guidance"])
    service.add_highlight(tid, 30, 40, tags=["Risk"])
    assert service.tags() == [("guidance", 1), ("risk", 2)]
    assert [h.start for h in service.highlights(tid, tags=["RISK"])] == [10, 30]
    assert [h.start for h in service.highlights(tid, tags=["guidance"])] == [10]
    assert normalize_tag("  #credit quality ") == "credit-quality"
    for bad in ("", "#", "a b!", "_x", "x__y", "x" * 65, "tag<script>"):
        with pytest.raises(AnnotationError):
            normalize_tag(bad)


def test_colours_have_editable_names(service: AnnotationService, call: Path) -> None:
    assert [(c.key, c.display_name) for c in service.colours()] == [
        ("yellow", "Guidance"), ("red", "Risk"), ("green", "Numbers"), ("blue", "Question")]
    service.rename_colour("red", "Red flag")
    tid = service.import_file(call).transcript.id
    h = service.add_highlight(tid, 0, 4, colour="red flag")
    assert h.colour == "red"
    assert service.highlights(tid, colours=["Red flag"]) == [h]
    assert "Colour: Red flag" in service.export([tid])[0].markdown
    with pytest.raises(AnnotationError, match="unknown colour"):
        service.colour_key("purple")


def test_highlight_by_quote(service: AnnotationService, call: Path) -> None:
    tid = service.import_file(call).transcript.id
    text = service.transcript_text(tid)
    h = service.add_highlight_by_quote(tid, "我们预计下半年放款规模会保持稳定增长")
    assert text[h.start:h.end] == "我 们 预 计 下 半 年 放 款 规 模 会 保 持 稳 定 增 长"
    with pytest.raises(QuoteError, match="occurs 5 times"):
        service.add_highlight_by_quote(tid, "Thank you.")
    third = service.add_highlight_by_quote(tid, "Thank you.", occurrence=3)
    assert third.start == [i for i in range(len(text)) if text.startswith("Thank you.", i)][2]
    with pytest.raises(QuoteError, match="no occurrence 9"):
        service.add_highlight_by_quote(tid, "Thank you.", occurrence=9)
    with pytest.raises(QuoteError, match="not found"):
        service.add_highlight_by_quote(tid, "a sentence nobody said")
    with pytest.raises(AnnotationError):
        service.add_highlight(tid, 10, 10)
    with pytest.raises(NotFoundError):
        service.update_highlight(9999, note="x")


def test_corrected_version_moves_highlights_and_reports_the_orphan(
        service: AnnotationService, call: Path, lanting_text: str) -> None:
    v1 = service.import_file(call)
    tid = v1.transcript.id
    quotes = {
        "This quarter our revenue reached RMB 3.2 billion, up 12% year over year.":
            "This quarter our revenue reached RMB 3.25 billion, up 12.4% year over year.",
        "Total operating expenses were RMB 1.1 billion, flat from last quarter.":
            "Total opex was RMB 1.1 billion, flat from last quarter.",
        "We expect the coverage ratio to stay above 400% through the end of the year.":
            "We expect the coverage ratio to stay above 400% through the end of the year.",
        "我 们 预 计 下 半 年 放 款 规 模 会 保 持 稳 定 增 长 。":
            "我 们 预 计 下 半 年 放 款 规 模 会 保 持 稳 定 增 长 。",
        "Let me walk you through the financials.": None,
    }
    made = {q: service.add_highlight_by_quote(tid, q, tags=[f"t{i}"], note=f"note {i}")
            for i, q in enumerate(quotes)}

    call.write_text(corrected(lanting_text), encoding="utf-8")
    result = service.import_file(call)
    assert result.status is ImportStatus.NEW_VERSION and result.transcript.id == tid
    assert result.report is not None
    assert [h.id for h in result.report.orphaned] == [made["Let me walk you through the financials."].id]
    new_text = service.transcript_text(tid)
    assert new_text == corrected(lanting_text)
    by_id = {h.id: h for h in service.highlights(tid)}
    assert len(by_id) == len(quotes)  # nothing dropped
    outline = service.outline(tid)
    for quote, expected in quotes.items():
        h = by_id[made[quote].id]
        assert (h.tags, h.note) == (made[quote].tags, made[quote].note)
        if expected is None:
            assert h.orphaned and h.quote == quote and h.start == h.end
        else:
            assert not h.orphaned and new_text[h.start:h.end] == expected == h.quote
            assert h.turn_index is not None and outline.turns[h.turn_index].start <= h.start
    assert not service.can_undo  # offsets in the old history no longer apply

    # The old file again: recognised as an earlier version; nothing goes back.
    old = call.with_name("old.txt")
    old.write_text(lanting_text, encoding="utf-8")
    back = service.import_file(old)
    assert back.status is ImportStatus.OLDER_VERSION and back.transcript.id == tid
    assert service.transcript_text(tid) == new_text
    assert service.find_transcript(v1.transcript.sha256) == service.transcript(tid)


def test_same_call_from_another_path_is_a_version_by_its_metadata(
        service: AnnotationService, call: Path, lanting_text: str, tmp_path: Path) -> None:
    tid = service.import_file(call).transcript.id
    service.add_highlight_by_quote(tid, "Total operating expenses were RMB 1.1 billion")
    other = tmp_path / "downloads" / "Lanting Q2 2024 (corrected).txt"
    other.parent.mkdir()
    other.write_text(corrected(lanting_text), encoding="utf-8")
    result = service.import_file(other)
    assert result.status is ImportStatus.NEW_VERSION and result.transcript.id == tid
    [h] = service.highlights(tid)
    assert h.quote == "Total opex was RMB 1.1 billion"


def test_a_different_call_at_the_same_path_is_a_new_transcript(
        service: AnnotationService, call: Path, fixtures_dir: Path) -> None:
    tid = service.import_file(call).transcript.id
    service.add_highlight(tid, 0, 10)
    call.write_bytes((fixtures_dir / "quartr_hoshan_q3_2024_traditional.txt").read_bytes())
    result = service.import_file(call)
    assert result.status is ImportStatus.NEW and result.transcript.id != tid
    assert len(service.highlights(tid)) == 1 and service.highlights(result.transcript.id) == []


def test_export_selects_by_tag_and_colour(service: AnnotationService, call: Path,
                                          fixtures_dir: Path) -> None:
    a = service.import_file(call).transcript.id
    b = service.import_file(fixtures_dir / "quartr_hoshan_q3_2024_traditional.txt").transcript.id
    service.add_highlight(a, 100, 120, tags=["risk"], colour="red")
    service.add_highlight(a, 200, 220, tags=["growth"])
    service.add_highlight(b, 100, 120, tags=["growth"])
    assert {d.transcript.id: d.count for d in service.export()} == {a: 2, b: 1}
    assert {d.transcript.id: d.count for d in service.export(tags=["risk"])} == {a: 1}
    assert [d.count for d in service.export(colours=["Guidance"])] == [1, 1]
    named = service.export([b], tags=["risk"])  # named explicitly: exported even if empty
    assert [d.count for d in named] == [0] and "No highlights." in named[0].markdown
    assert len({d.file_name for d in service.export()}) == 2
