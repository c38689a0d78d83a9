"""The notes service: exports as the reading view shows them, the JSON/CSV round trip into another
library (same file, or a corrected version of the same call), and the notebook's filtered pages."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from notes_helpers import CALL, SECOND

from reader.core.passages import display_options
from reader.services.annotations import AnnotationError, AnnotationService, write_text_atomic
from reader.services.notes import (
    NotebookQuery,
    export_documents,
    export_inputs,
    export_records,
    export_single_file,
    import_records,
    notebook_page,
    read_records,
    records_to_csv,
)


@pytest.fixture
def library(tmp_path: Path) -> AnnotationService:
    service = AnnotationService.open(tmp_path / "one.sqlite3")
    yield service
    service.close()


def add_calls(service: AnnotationService, folder: Path) -> tuple[int, int]:
    folder.mkdir(exist_ok=True)
    (folder / "qingyun.txt").write_text(CALL, encoding="utf-8")
    (folder / "tiemu.txt").write_text(SECOND, encoding="utf-8")
    a = service.import_file(folder / "qingyun.txt").transcript.id
    b = service.import_file(folder / "tiemu.txt").transcript.id
    return a, b


def annotate(service: AnnotationService, a: int, b: int) -> None:
    service.add_highlight_by_quote(a, "燃油成本还有压力", tags=["成本", "risk"], colour="red",
                                   note="用户 pressure")
    service.add_highlight_by_quote(a, "We expect the gross margin", tags=["guidance"])
    service.add_highlight_by_quote(b, "Orders for warehouse arms doubled", colour="green",
                                   note="strong")


def test_export_inputs_quote_in_the_chosen_script(library: AnnotationService,
                                                  tmp_path: Path) -> None:
    a, b = add_calls(library, tmp_path / "calls")
    annotate(library, a, b)
    inputs = export_inputs(library, options=display_options("tw"))
    assert [i.info.company for i in inputs] == ["Qingyun Freight", "Tiemu Robotics"]
    one = export_single_file(inputs)
    assert "> 燃油成本還有壓力" in one and "> Fuel costs remain a pressure." in one
    assert "Note: 使用者 pressure" in one and one.count("\n# ") == 2
    docs = export_documents(export_inputs(library, options=None))
    assert len(docs) == 2 and "> 燃 油 成 本 还 有 压 力" in docs[0].markdown


def test_written_notes_have_ordinary_permissions(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        write_text_atomic(tmp_path / "n.md", "x\n")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "n.md").stat().st_mode) == 0o640


@pytest.mark.parametrize("form", ["json", "csv"])
def test_round_trip_into_another_library(library: AnnotationService, tmp_path: Path,
                                         form: str) -> None:
    a, b = add_calls(library, tmp_path / "calls")
    annotate(library, a, b)
    data = export_records(library)
    path = tmp_path / f"notes.{form}"
    path.write_text(json.dumps(data, ensure_ascii=False) if form == "json"
                    else records_to_csv(data), encoding="utf-8")
    with AnnotationService.open(tmp_path / "two.sqlite3") as other:
        # Only the first call is there; the second is reported, not guessed.
        (tmp_path / "elsewhere").mkdir()
        (tmp_path / "elsewhere" / "q.txt").write_text(CALL, encoding="utf-8")
        tid = other.import_file(tmp_path / "elsewhere" / "q.txt").transcript.id
        report = import_records(other, read_records(path))
        assert (report.added, report.duplicates, report.missing) == (2, 0, ["Tiemu Robotics Q4 2025"])
        got = sorted(other.highlights(tid), key=lambda h: h.start)
        mine = sorted(library.highlights(a), key=lambda h: h.start)
        assert [(h.start, h.end, h.quote, h.note, h.colour, sorted(h.tags)) for h in got] == \
               [(h.start, h.end, h.quote, h.note, h.colour, sorted(h.tags)) for h in mine]
        again = import_records(other, read_records(path))
        assert (again.added, again.duplicates) == (0, 2)


def test_a_corrected_version_is_the_same_call_and_lost_text_becomes_an_orphan(
        library: AnnotationService, tmp_path: Path) -> None:
    a, b = add_calls(library, tmp_path / "calls")
    annotate(library, a, b)
    data = export_records(library, [a])
    corrected = ("Preface added by the corrected source.\n\n"
                 + CALL.replace("燃 油 成 本 还 有 压 力 。", "运 价 回 落 。"))
    with AnnotationService.open(tmp_path / "two.sqlite3") as other:
        (tmp_path / "v2").mkdir()
        (tmp_path / "v2" / "qingyun-v2.txt").write_text(corrected, encoding="utf-8")
        tid = other.import_file(tmp_path / "v2" / "qingyun-v2.txt").transcript.id
        report = import_records(other, data)
        assert report.added == 2 and report.moved == 1 and not report.missing
        assert report.orphans == ["Qingyun Freight Q1 2026: “燃 油 成 本 还 有 压 力”"]
        hs = other.highlights(tid)
        placed = next(h for h in hs if not h.orphaned)
        text = other.transcript_text(tid)
        assert text[placed.start:placed.end] == "We expect the gross margin"
        orphan = next(h for h in hs if h.orphaned)
        assert orphan.note == "用户 pressure" and set(orphan.tags) == {"成本", "risk"}
        assert import_records(other, data).duplicates == 2


def test_files_that_are_not_exports_are_refused_in_one_line(tmp_path: Path) -> None:
    cases = {"a.json": '{"format": "other"}', "b.json": "{not json",
             "c.csv": "name,value\nx,1\n",
             "d.json": json.dumps({"format": "transcript-reader-annotations", "version": 99,
                                   "calls": []}),
             "e.json": json.dumps({"format": "transcript-reader-annotations", "version": 1,
                                   "calls": [{"sha256": "x", "highlights": [{"start": 5,
                                                                             "end": 1}]}]})}
    for name, body in cases.items():
        (tmp_path / name).write_text(body, encoding="utf-8")
        with pytest.raises(AnnotationError) as caught:
            read_records(tmp_path / name)
        assert "\n" not in str(caught.value) and name in str(caught.value)


def test_notebook_pages_and_filters(library: AnnotationService, tmp_path: Path) -> None:
    a, b = add_calls(library, tmp_path / "calls")
    annotate(library, a, b)
    page = notebook_page(library)
    assert page.total == 3 and [r.transcript.company for r in page.rows] == [
        "Qingyun Freight", "Qingyun Freight", "Tiemu Robotics"]
    first = page.rows[0]
    assert first.speaker == "Lin Bo" and first.speaker_kind == "executive"
    assert first.section == "qa" and set(first.highlight.tags) == {"成本", "risk"}

    def quotes(**kw: object) -> list[str]:
        return [r.highlight.quote for r in notebook_page(library, NotebookQuery(**kw)).rows]

    assert quotes(text="燃油成本") == ["燃 油 成 本 还 有 压 力"]
    assert quotes(text="燃油成本還有") == ["燃 油 成 本 还 有 压 力"]  # traditional finds simplified
    assert quotes(text="PRESSURE") == ["燃 油 成 本 还 有 压 力"]  # in the note, any case
    assert quotes(companies=["tiemu robotics"]) == ["Orders for warehouse arms doubled"]
    assert quotes(periods=["Q1 2026"], tags=["guidance"]) == ["We expect the gross margin"]
    assert quotes(colours=["Numbers"]) == ["Orders for warehouse arms doubled"]
    assert len(quotes(speaker_kinds=["executive"])) == 3
    assert quotes(speaker_kinds=["analyst"]) == []
    second = notebook_page(library, offset=2, limit=2)
    assert second.total == 3 and len(second.rows) == 1


def test_the_json_export_follows_its_schema(library: AnnotationService, tmp_path: Path) -> None:
    import jsonschema

    schema = json.loads((Path(__file__).resolve().parents[1] / "docs"
                         / "annotations-schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    a, b = add_calls(library, tmp_path / "calls")
    annotate(library, a, b)
    data = json.loads(json.dumps(export_records(library)))
    jsonschema.validate(data, schema, format_checker=jsonschema.FormatChecker())
    # The CSV form reads back into the same shape.
    path = tmp_path / "n.csv"
    path.write_text(records_to_csv(data), encoding="utf-8")
    again = read_records(path)
    jsonschema.validate(again, schema)
    assert [h["quote"] for c in again["calls"] for h in c["highlights"]] == \
           [h["quote"] for c in data["calls"] for h in c["highlights"]]


def test_the_notebook_filters_and_sorts_by_the_details_the_user_set(
        library: AnnotationService, tmp_path: Path) -> None:
    a, b = add_calls(library, tmp_path / "calls")
    annotate(library, a, b)
    library.set_metadata(b, {"company": "Arms Holdings", "period": "FY 2026"})

    def quotes(**kw: object) -> list[str]:
        return [r.highlight.quote for r in notebook_page(library, NotebookQuery(**kw)).rows]

    assert quotes(companies=["arms holdings"]) == ["Orders for warehouse arms doubled"]
    assert quotes(periods=["FY 2026"]) == ["Orders for warehouse arms doubled"]
    assert quotes(companies=["Tiemu Robotics"]) == []
    assert notebook_page(library).rows[0].transcript.company == "Arms Holdings"  # A before Q
