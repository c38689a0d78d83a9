"""The PDF front end: page chrome out, paragraphs joined, headers kept, refusals in one line."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pdf_maker import (
    FIXTURE,
    Options,
    call_pdf,
    encrypted_pdf,
    many_pages_pdf,
    scan_pdf,
    with_a_scanned_page,
)

from reader.core.documents import DocumentError, extract
from reader.core.documents import pdf as pdf_front
from reader.core.documents.pdf_layout import Line, Page, compose, respace
from reader.core.model import SectionKind, SpeakerKind
from reader.core.pipeline import parse_bytes

# --- pages built from line records (the layout rules alone) ---------------------------

LEFT, RIGHT, PITCH, EM = 72.0, 540.0, 14.0, 10.0


def _page(rows: list[str | tuple[str, float] | tuple[str, float, bool]]) -> Page:
    """A page of lines from the top down; a bare string fills the column when it is long.

    A tuple gives the right edge (and, third, bold); an empty string leaves a blank row.
    """
    lines = []
    y = 800.0
    for row in rows:
        y -= PITCH
        if row == "":
            continue
        if isinstance(row, str):
            text, right, bold = row, (RIGHT if len(row) >= 60 else LEFT + 5.5 * len(row)), False
        else:
            text, right = row[0], row[1]
            bold = bool(row[2]) if len(row) > 2 else False
        lines.append(Line(text, LEFT, right, y + EM, y, bold))
    return Page(612.0, 792.0, lines)


WRAP_1 = "Thank you, operator, and welcome everyone to the Wrenfield Mills call for the"
WRAP_2 = "third quarter, where revenue rose on stronger paper demand across our mills"
WRAP_3 = "and prices held."


def test_running_heads_with_page_numbers_and_folios_are_removed() -> None:
    pages = []
    speakers = [("Hale Oduya", "Chief Executive Officer"), ("Petra Lind", "Analyst, Ostmark"),
                ("Ines Varga", "Chief Financial Officer")]
    for n, (name, title) in enumerate(speakers, start=1):
        page = _page([f"Wrenfield Mills Q3 2025 Earnings Call | Page {n} of 3", name, title, "",
                      f"{WRAP_1} {n}", WRAP_2, WRAP_3])
        page.lines.append(Line(str(n), 300.0, 306.0, 40.0 + EM, 40.0))  # the folio, at the foot
        pages.append(page)
    text = compose(pages)
    assert "Page" not in text
    assert not any(line.strip().isdigit() for line in text.splitlines())
    assert all(f"\n{name}\n{title}\n" in f"\n{text}" for name, title in speakers)


def test_a_constant_running_title_stays_once_on_the_first_page() -> None:
    pages = [_page(["Wrenfield Mills - Third Quarter 2025 Results", "",
                    WRAP_1, WRAP_2, WRAP_3]) for _ in range(4)]
    text = compose(pages)
    assert text.count("Wrenfield Mills - Third Quarter 2025 Results") == 1
    assert text.startswith("Wrenfield Mills - Third Quarter 2025 Results")


def test_wraps_join_and_header_lines_keep_their_own_lines() -> None:
    text = compose([_page(["Hale Oduya", "Chief Executive Officer", "",
                           WRAP_1, WRAP_2, WRAP_3, "",
                           "Petra Lind", "Analyst, Ostmark Capital", "",
                           "Thanks. A question on pricing."])])
    assert text == ("Hale Oduya\nChief Executive Officer\n\n"
                    f"{WRAP_1} {WRAP_2} {WRAP_3}\n\n"
                    "Petra Lind\nAnalyst, Ostmark Capital\n\n"
                    "Thanks. A question on pricing.\n")


def test_a_short_last_line_ends_the_paragraph_even_without_a_gap() -> None:
    text = compose([_page([WRAP_1, WRAP_2, WRAP_3,
                           "We also opened a second plant in the north of the region, near the",
                           "coast, ahead of plan."])])
    assert text.split("\n\n")[0].endswith("and prices held.")
    assert len(text.strip().split("\n\n")) == 2


def test_a_paragraph_goes_on_across_a_page_break() -> None:
    text = compose([_page([WRAP_1, WRAP_2]), _page([WRAP_3])])
    assert text == f"{WRAP_1} {WRAP_2} {WRAP_3}\n"


def test_ragged_lines_wrap_where_paragraphs_are_set_apart_by_space() -> None:
    ragged = [("Thank you. We had a record quarter for leasing, and the backlog", 500.0),
              ("grew again as more customers signed ahead of", 430.0),
              ("capacity coming online next year in three of our markets here.", 470.0)]
    rows: list[str | tuple[str, float] | tuple[str, float, bool]] = []
    for _ in range(3):
        rows += ["Hale Oduya", "Chief Executive Officer", "", *ragged, ""]
    rows.append((WRAP_1, RIGHT))  # the column's edge, further right than the ragged lines
    text = compose([_page(rows)])
    assert ("Thank you. We had a record quarter for leasing, and the backlog grew again as "
            "more customers signed ahead of capacity coming online") in text
    assert text.count("Hale Oduya\nChief Executive Officer\n\nThank you.") == 3


def test_a_firm_wrapped_under_a_listed_name_is_one_line() -> None:
    text = compose([_page(["Call Participants", "", "Petra Lind", "Ostmark Capital, Research",
                           "Division", "Ines Varga", "Brightwater Partners LLC, Research Division"])])
    assert "Petra Lind\nOstmark Capital, Research Division\nInes Varga\n" in text


def test_a_speaker_in_the_margin_column_goes_above_the_speech() -> None:
    speech = ["Good morning. I have two questions, please. The first one is on the mill",
              "closures, and whether the savings you announced are already in the plan",
              "for next year or come on top of it."]
    rows = [Line("Questions and Answers", LEFT, 200.0, 700.0 + EM, 700.0)]
    y = 680.0
    for i, text in enumerate(speech):
        line = Line(text, 200.0, RIGHT if i < 2 else 380.0, y + EM, y)
        if i == 0:  # the text layer runs the margin label into the row beside it
            line = Line(f"Petra Lind {text}", LEFT, RIGHT, y + EM, y, column_at=11,
                        label_x1=125.0, column_x=200.0)
        elif i == 1:
            line = Line(f"(Ostmark Capital) {text}", LEFT, RIGHT, y + EM, y, column_at=18,
                        label_x1=160.0, column_x=200.0)
        rows.append(line)
        y -= PITCH
    text = compose([_page(["Wrenfield Mills", "Q3 2025 Earnings Call"]),
                    Page(612.0, 792.0, rows)])
    assert ("\n\nPetra Lind (Ostmark Capital)\n\nGood morning. I have two "
            "questions, please. The first one is on the mill closures, and whether") in text


def test_end_of_line_hyphens_join_on_the_document_s_evidence() -> None:
    first = "Volumes in the second half should be steady and, we think, more predict-"
    page = _page([first, "able than last year, when demand was predictable only in spring.",
                  "",
                  "We keep making forward-looking statements today, and each of our forward-",
                  "looking statements carries the usual risks for the paper business here.",
                  "",
                  "Our cost plan is built around the mill's year-over-year energy use and its",
                  "long-",
                  ])
    text = compose([page])
    assert "more predictable than last year" in text
    assert "forward-looking statements carries" in text  # written with its hyphen elsewhere


def test_a_visible_hyphen_stays_without_evidence() -> None:
    page = _page(["Our order book is healthy, and the pricing outlook for the next year is well-",
                  "founded on contracts signed in the spring with our two largest customers."])
    assert "well-founded" in compose([page])


def test_rules_leaders_and_a_contents_page_are_dropped() -> None:
    cover = _page(["Wrenfield Mills", "Q3 2025 Earnings Call", "", "Table of Contents",
                   ("Presentation ..................................... 3", 400.0),
                   ("Question and Answer .............................. 5", 400.0),
                   ("________________________________", 300.0)])
    body = _page(["Presentation", "", "Hale Oduya", "Chief Executive Officer", "",
                  "Thank you all for joining."])
    text = compose([cover, body])
    assert "...." not in text and "____" not in text and "Contents" not in text
    assert "Presentation\n" in text


def test_a_figure_table_on_the_cover_does_not_reach_the_text() -> None:
    cover = _page(["Wrenfield Mills NYSE:WRF", "Q3 2025 Earnings Call", "",
                   ("CONSENSUS ACTUAL SURPRISE", 300.0),
                   ("EPS Normalized 0.42 0.47 11.90 %", 300.0),
                   ("Revenue (mm) 1210.5 1232.8 1.84 %", 300.0)])
    body = _page(["Presentation", "", "Operator", "", "Welcome to the call."])
    text = compose([cover, body])
    assert "CONSENSUS" not in text and "1210.5" not in text
    assert "Wrenfield Mills NYSE:WRF" in text


def test_a_speaker_header_repeated_over_a_continuing_sentence_is_dropped() -> None:
    page1 = _page(["Hale Oduya", "Chief Executive Officer", "", WRAP_1])
    page2 = _page(["Hale Oduya", "Chief Executive Officer", "", WRAP_2, WRAP_3])
    text = compose([page1, page2])
    assert text.count("Hale Oduya") == 1
    assert f"{WRAP_1} {WRAP_2} {WRAP_3}" in text


def test_a_bold_name_over_speech_is_marked_and_a_heading_is_kept_apart() -> None:
    cover = _page(["Wrenfield Mills", "Q3 2025 Earnings Call"])
    page = Page(612.0, 792.0, [
        Line("QUESTION AND ANSWER", LEFT, 300.0, 790.0, 770.0, True, True),
        Line("Petra Lind", LEFT, 130.0, 760.0, 750.0, True),
        Line("Thanks. A question on pricing.", LEFT, 250.0, 746.0, 736.0),
    ])
    text = compose([cover, page])
    assert "\n\n## QUESTION AND ANSWER\n\n**Petra Lind**\n\nThanks. A question" in text


def test_respace_reads_letter_gaps_from_the_line() -> None:
    def glyphs(text: str, letter: float, word: float) -> list[tuple[str, float, float, bool]]:
        out, x = [], 0.0
        for word_i, word_text in enumerate(text.split()):
            if word_i:
                x += word - letter
            for ch in word_text:
                out.append((ch, x, x + 6.0, False))
                x += 6.0 + letter
        return out

    assert respace(glyphs("FORWARD LOOKING INFORMATION", 2.0, 8.0), 12.0) == (
        "FORWARD LOOKING INFORMATION")
    split = [("2", 0.0, 6.0, False), ("0", 6.0, 12.0, True), ("2", 12.1, 18.0, False),
             ("4", 18.0, 24.0, True)]
    assert respace(split, 12.0, merge_only=True) == "2024"


# --- real PDFs written with fpdf2 --------------------------------------------------------

@pytest.fixture(scope="module")
def call_text() -> str:
    return pdf_front.extract(call_pdf()).text


def test_pdf_loses_its_page_chrome(call_text: str) -> None:
    assert "Page 1 of" not in call_text and "Page 2 of" not in call_text
    assert call_text.count("Second Quarter 2025 Earnings Call") == 1


def test_pdf_paragraphs_are_joined_and_headers_stay_on_their_lines(call_text: str) -> None:
    assert "Mina Castell\nChief Executive Officer\n\nThank you, operator," in call_text
    para = next(p for p in call_text.split("\n\n") if p.startswith("Thank you, operator"))
    assert "\n" not in para and para.endswith("passenger traffic is quiet.")


def test_pdf_hyphen_at_a_line_end_is_joined(call_text: str) -> None:
    assert "passenger predictable than last year" in call_text


def test_pdf_letter_spaced_heading_is_one_heading(call_text: str) -> None:
    assert "\n## QUESTION AND ANSWER\n" in call_text


def test_pdf_bold_name_is_a_speaker_header() -> None:
    text = pdf_front.extract(call_pdf(Options(titles=False))).text
    assert "\n**Tobias Wren**\n\nThanks for taking my question." in text


def test_pdf_outline() -> None:
    transcript = parse_bytes(call_pdf(), "lotus.pdf")
    assert transcript.source.container == "pdf"
    said = [(transcript.speaker_of(t).name, t.section) for t in transcript.turns]
    assert said == [
        ("Operator", SectionKind.PRESENTATION), ("Mina Castell", SectionKind.PRESENTATION),
        ("Arjun Pellow", SectionKind.PRESENTATION), ("Operator", SectionKind.QA),
        ("Tobias Wren", SectionKind.QA), ("Mina Castell", SectionKind.QA)]
    kinds = {s.name: s.kind for s in transcript.speakers}
    assert kinds["Tobias Wren"] is SpeakerKind.ANALYST
    assert kinds["Mina Castell"] is SpeakerKind.EXECUTIVE
    assert transcript.meta.period == "Q2 2025" and transcript.meta.date == "2025-08-14"
    assert len(transcript.exchanges) == 1


def test_the_fixture_file_is_what_the_maker_writes() -> None:
    data = FIXTURE.read_bytes()
    assert data.startswith(b"%PDF-")
    transcript = parse_bytes(data, FIXTURE.name)
    assert [transcript.speaker_of(t).name for t in transcript.turns][:3] == [
        "Operator", "Mina Castell", "Arjun Pellow"]


# --- refusals ------------------------------------------------------------------------------

def _refusal(data: bytes) -> str:
    with pytest.raises(DocumentError) as info:
        extract(data, "call.pdf")
    message = str(info.value)
    assert "\n" not in message and "Traceback" not in message
    return message


def test_no_text_layer_says_it_needs_ocr() -> None:
    assert "no text layer" in _refusal(scan_pdf())
    assert "OCR" in _refusal(scan_pdf())


def test_a_page_without_text_is_a_note_not_a_refusal() -> None:
    extracted = pdf_front.extract(with_a_scanned_page())
    assert extracted.notes == ("page 2 has no text layer",)
    assert "Mina Castell" in extracted.text and "Good morning and welcome" in extracted.text


def test_an_encrypted_pdf_says_so() -> None:
    assert "encrypted" in _refusal(encrypted_pdf())


def test_a_truncated_pdf_says_it_is_damaged_or_reads_what_is_there() -> None:
    data = call_pdf()
    for cut in (10, 200, len(data) // 3, len(data) // 2):
        try:
            extracted = extract(data[:cut], "call.pdf")
        except DocumentError as exc:
            assert "\n" not in str(exc)
        else:
            assert extracted is not None


def test_garbage_after_a_pdf_signature_is_damaged() -> None:
    assert "damaged" in _refusal(b"%PDF-1.7\n" + bytes(range(256)) * 40)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutated_pdfs_give_text_or_a_one_line_refusal(data: st.DataObject) -> None:
    pdf = bytearray(_SMALL)
    for _ in range(data.draw(st.integers(1, 12))):
        at = data.draw(st.integers(0, len(pdf) - 1))
        op = data.draw(st.sampled_from(["flip", "cut", "dup"]))
        if op == "flip":
            pdf[at] = data.draw(st.integers(0, 255))
        elif op == "cut":
            del pdf[at:at + data.draw(st.integers(1, 64))]
        elif len(pdf) < 200_000:
            pdf[at:at] = pdf[at:at + data.draw(st.integers(1, 64))]
        if not pdf:
            return
    try:
        extracted = extract(bytes(pdf), "call.pdf")
    except DocumentError as exc:
        assert "\n" not in str(exc)
        return
    if extracted is not None:  # the signature may be gone: then it is not a PDF at all
        assert isinstance(extracted.text, str)


_SMALL = call_pdf(Options(pages_of_speech=1))


def test_too_many_pages_are_refused_at_once() -> None:
    data = many_pages_pdf(pdf_front.MAX_PAGES + 1)
    start = time.perf_counter()
    message = _refusal(data)
    assert time.perf_counter() - start < 2.0
    assert f"{pdf_front.MAX_PAGES + 1:,} pages" in message and str(pdf_front.MAX_PAGES) in message


def test_a_long_pdf_reads_within_the_budget() -> None:
    data = many_pages_pdf(150)
    start = time.perf_counter()
    text = pdf_front.extract(data).text
    assert time.perf_counter() - start < pdf_front.TIME_BUDGET / 4
    assert "That was point 150." in text


def test_reading_stops_when_the_time_budget_is_spent() -> None:
    ticks = iter(range(0, 10_000, 5))  # every page "takes" five seconds
    with pytest.raises(DocumentError, match="longer than"):
        pdf_front.extract(many_pages_pdf(12), clock=lambda: float(next(ticks)))


# --- the real PDFs of the development corpus -------------------------------------------

@pytest.mark.corpus
def test_every_corpus_pdf_opens_to_an_outline_with_turns(corpus_dir: Path) -> None:
    files = sorted((corpus_dir / "pdf").glob("*.pdf"))
    if not files:
        pytest.skip(f"no PDFs in {corpus_dir / 'pdf'}")
    for path in files:
        start = time.perf_counter()
        transcript = parse_bytes(path.read_bytes(), path.name)
        elapsed = time.perf_counter() - start
        assert transcript.source.container == "pdf"
        assert len(transcript.turns) >= 3, path.name
        assert elapsed < 5.0, f"{path.name} took {elapsed:.1f} s"
        text = transcript.text
        assert "Page 2 of" not in text, path.name
