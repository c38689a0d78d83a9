"""The AlphaSpread-style layout, on fixtures written for it, odd inputs and the real seed."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from reader.core.formats.alphaspread import SUMMARY_ROLE, AlphaSpreadParser
from reader.core.model import SectionKind, Speaker, SpeakerKind, Transcript, Turn
from reader.core.pipeline import build_transcript

PARSER = AlphaSpreadParser()
NOTE = ("[Portions of this transcript that are marked [Interpreted] were spoken by an "
        "interpreter present on the live call.]")


def _parse(text: str, name: str = "page.txt") -> Transcript:
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return build_transcript(text, PARSER, name, "utf-8", digest)


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8").replace("\r\n", "\n")


def _speaker(t: Transcript, name: str) -> Speaker:
    return next(s for s in t.speakers if s.name == name)


def _who(t: Transcript, turn: Turn) -> str | None:
    return t.speaker_of(turn).name


def _call(t: Transcript) -> list[Turn]:
    return [turn for turn in t.turns if turn.section is not SectionKind.SUMMARY]


def _all_text(t: Transcript) -> str:
    return "\n".join(p.text for turn in t.turns for p in turn.paragraphs)


@pytest.fixture
def brightwater(fixtures_dir: Path) -> Transcript:
    return _parse(_read(fixtures_dir / "alphaspread_brightwater_q2_2024.txt"))


@pytest.fixture
def kestrel(fixtures_dir: Path) -> Transcript:
    return _parse(_read(fixtures_dir / "alphaspread_kestrel_q1_2025.txt"))


# --- detection -------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["alphaspread_brightwater_q2_2024.txt",
                                  "alphaspread_kestrel_q1_2025.txt"])
def test_detect_is_high_on_this_layout(fixtures_dir: Path, name: str) -> None:
    assert PARSER.detect(_read(fixtures_dir / name)) >= 0.9


@pytest.mark.parametrize("text", [
    # Quartr-like: `Name (Role)` headers.
    "Sign in\n\nAcme Holdings - Q1 2023\n\nMay 18, 2023\n\nTranscript\n\nOperator (participant)\n\n"
    "Welcome to the call.\n\nJane Roe (Chief Financial Officer)\n\nThank you.\n",
    # EarningsCall-like: a disclaimer, the company, a date, one paragraph per line.
    "This transcript was computer generated.\nAcme Holdings, Inc\n5/20/2024\n"
    "Ladies and gentlemen, thank you for standing by.\nThank you, operator.\n",
    # A title that merely names the kind of document.
    "Acme Holdings\nEarnings Call Transcript\n\nOperator: Welcome.\nJane Roe: Thanks.\n",
    "",
])
def test_detect_is_low_on_other_layouts(text: str) -> None:
    assert PARSER.detect(text) < 0.3


# --- the full fixture ------------------------------------------------------------------

def test_metadata(brightwater: Transcript) -> None:
    meta = brightwater.meta
    # The page writes "Brightwater Lending Holdings Ltd"; the call writes "BrightWater".
    assert meta.company == "BrightWater Lending Holdings"
    assert meta.ticker == "BWLH"
    assert meta.period == "Q2 2024"
    # Only "Updated: Sep 2, 2024" is on the page: that is not the call date.
    assert meta.date is None


def test_paragraph_offsets_are_exact(brightwater: Transcript) -> None:
    for turn in brightwater.turns:
        for p in turn.paragraphs:
            assert brightwater.text[p.start:p.end] == p.text


@pytest.mark.parametrize("chrome", [
    "First Time Loading", "Watchlist", "NASDAQ:BWLH", "Price:", "Updated:", "Q2-2024 Analysis",
    "Earnings Call Analysis", "Earnings Call Transcript", "2024-Q2", "from 0", "All Transcripts",
])
def test_page_chrome_is_in_no_turn(brightwater: Transcript, chrome: str) -> None:
    assert chrome not in _all_text(brightwater)


def test_summary_is_its_own_section_one_turn_per_heading(brightwater: Transcript) -> None:
    summary = brightwater.turns_in(SectionKind.SUMMARY)
    assert [t.paragraphs[0].text for t in summary] == [
        "Loan Volume Recovers in the Second Quarter",
        "Credit Quality Holds Steady",
        "Cautious Outlook for the Second Half",
    ]
    assert all(len(t.paragraphs) == 2 for t in summary)
    assert summary[2].paragraphs[1].text.startswith("The outlook for the rest of the year")
    assert [t.index for t in summary] == [0, 1, 2]
    for turn in summary:
        speaker = brightwater.speaker_of(turn)
        assert (speaker.name, speaker.role, speaker.kind) == (
            None, SUMMARY_ROLE, SpeakerKind.UNKNOWN)
        assert not turn.interpreted


def test_speakers_and_kinds(brightwater: Transcript) -> None:
    kinds = {s.name: s.kind for s in brightwater.speakers}
    assert kinds == {
        None: SpeakerKind.UNKNOWN,  # the generated summary
        "Operator": SpeakerKind.OPERATOR,
        "Wendy Gao": SpeakerKind.EXECUTIVE,
        "Lina Huo": SpeakerKind.EXECUTIVE,
        "Peter Vance": SpeakerKind.EXECUTIVE,
        "Thomas Reyes": SpeakerKind.ANALYST,
        "Meili Sun": SpeakerKind.ANALYST,
    }


def test_turn_order_and_interpreted_marks(brightwater: Transcript) -> None:
    got = [(_who(brightwater, t), t.interpreted, len(t.paragraphs)) for t in _call(brightwater)]
    assert got == [
        ("Operator", False, 1),
        ("Wendy Gao", False, 1),
        ("Lina Huo", True, 2),  # the unmarked second paragraph stays interpreted
        ("Peter Vance", False, 3),
        ("Operator", False, 1),
        ("Thomas Reyes", True, 2),
        ("Lina Huo", True, 1),
        ("Peter Vance", False, 1),
        ("Operator", False, 1),
        ("Meili Sun", False, 1),
        ("Lina Huo", False, 1),  # spoken in English, then the interpreter takes over:
        ("Lina Huo", True, 1),   # the voice changes, so the turn splits
        ("Operator", False, 1),
        ("Wendy Gao", False, 2),
    ]
    # The original Mandarin is not in the file, so interpreted turns interpret nothing here.
    assert all(t.interprets == [] for t in brightwater.turns)


def test_uncertain_words_are_left_as_written(brightwater: Transcript) -> None:
    wendy = next(t for t in brightwater.turns if _who(brightwater, t) == "Wendy Gao")
    assert "our CEO, [ Lina ] Huo, and" in wendy.paragraphs[0].text


def test_closing_note_is_split_off_as_its_own_paragraph(brightwater: Transcript) -> None:
    last = brightwater.turns[-1]
    assert [p.text for p in last.paragraphs] == ["Thank you all for joining. Goodbye.", NOTE]
    assert brightwater.text[last.end:].strip() == "All Transcripts"


def test_qa_starts_at_the_operators_first_question(brightwater: Transcript) -> None:
    first_qa = next(t for t in brightwater.turns if t.section is SectionKind.QA)
    assert _who(brightwater, first_qa) == "Operator"
    assert first_qa.paragraphs[0].text.startswith("[Operator Instructions] Our first question")
    before = {t.section for t in _call(brightwater) if t.index < first_qa.index}
    assert before == {SectionKind.PRESENTATION}
    assert all(t.section is SectionKind.QA for t in brightwater.turns[first_qa.index:])


def test_exchanges_and_affiliations(brightwater: Transcript) -> None:
    t = brightwater
    got = [(t.speakers[e.asker].name if e.asker is not None else None,
            [_who(t, t.turns[i]) for i in e.question],
            [_who(t, t.turns[i]) for i in e.answer]) for e in t.exchanges]
    assert got == [
        ("Thomas Reyes", ["Thomas Reyes"], ["Lina Huo", "Peter Vance"]),
        ("Meili Sun", ["Meili Sun"], ["Lina Huo", "Lina Huo"]),
    ]
    # The operator says "Tom Reyes"; the header says "Thomas Reyes".
    assert _speaker(t, "Thomas Reyes").affiliation == "Harbor Securities"
    assert _speaker(t, "Meili Sun").affiliation == "Northgate Capital"
    in_exchanges = {i for e in t.exchanges for i in e.question + e.answer}
    assert t.turns[-1].index not in in_exchanges


# --- the small fixture: no summary, a header with no body, a stated call date -----------

def test_small_fixture_metadata(kestrel: Transcript) -> None:
    assert kestrel.meta.company == "Kestrel Mobility"
    assert kestrel.meta.ticker == "KSTM"
    assert kestrel.meta.period == "Q1 2025"
    # The operator states the date of the call; the page's update date is ignored.
    assert kestrel.meta.date == "2025-05-20"
    assert not kestrel.turns_in(SectionKind.SUMMARY)


def test_header_without_body_gives_no_turn(kestrel: Transcript) -> None:
    assert [_who(kestrel, t) for t in kestrel.turns] == [
        "Operator", "Dana Whitfield", "Owen Pike", "Dana Whitfield"]
    assert "Rafael Ortiz" not in {s.name for s in kestrel.speakers}
    assert kestrel.turns[-1].paragraphs[-1].text == "We plan to keep spending at the current level."
    assert _speaker(kestrel, "Owen Pike").affiliation == "Larch Partners"


# --- odd input -------------------------------------------------------------------------

HEADER = "M\nMina Cho\nexecutive\n\n"


@pytest.mark.parametrize("text", [
    "",
    "\n\n\n",
    "First Time Loading...\n\nAcme Ltd\nNASDAQ:ACME\nWatchlist\nUpdated: May 5, 2024\n",
    "Earnings Call Analysis\n\nEarnings Call Transcript\n2024-Q1\n\nfrom 0\nAll Transcripts\n",
    "Earnings Call Transcript\n2024-Q1\n\nOperator\n",
    "Earnings Call Transcript\n\n" + HEADER,
    "Earnings Call Transcript\n\n" + HEADER + "[Interpreted]\n",
    "Earnings Call Transcript\n\nM\nMina Cho\n",
    "Earnings Call Transcript\n\n" + HEADER + NOTE + "\n\nAll Transcripts\n",
])
def test_odd_input_never_raises_and_keeps_chrome_out(text: str) -> None:
    t = _parse(text)
    body = _all_text(t)
    for chrome in ("All Transcripts", "Watchlist", "from 0", "Earnings Call Transcript"):
        assert chrome not in body
    for turn in t.turns:
        assert turn.paragraphs


def test_only_chrome_gives_no_turns_but_keeps_metadata() -> None:
    t = _parse("First Time Loading...\n\nAcme Widgets Ltd\nNASDAQ:ACME\nWatchlist\n"
               "Updated: May 5, 2024\n")
    assert t.turns == []
    assert (t.meta.company, t.meta.ticker, t.meta.date) == ("Acme Widgets", "ACME", None)


def test_summary_heading_without_body_is_its_own_turn() -> None:
    text = ("Earnings Call Analysis\n\nQ1-2024 Analysis\nAcme Ltd\n\nFirst Heading\n\n"
            "Second Heading\n\nA body sentence about the second heading.\n\n"
            "Earnings Call Transcript\n2024-Q1\n\nOperator\n\nWelcome.\n")
    t = _parse(text)
    summary = t.turns_in(SectionKind.SUMMARY)
    assert [[p.text for p in s.paragraphs] for s in summary] == [
        ["First Heading"],
        ["Second Heading", "A body sentence about the second heading."],
    ]
    assert t.meta.period == "Q1 2024"


def test_dates_in_results_are_not_the_call_date() -> None:
    text = ("Earnings Call Transcript\n2024-Q2\n\nOperator\n\nWelcome to the call today. "
            "Results as of June 30, 2024 were released today.\n\n" + HEADER + "Thank you.\n")
    assert _parse(text).meta.date is None


def test_prose_before_the_first_header_is_kept() -> None:
    prose = "Good day. This paragraph has no header above it, but it is clearly speech."
    t = _parse("Earnings Call Transcript\n2024-Q2\n\nfrom 0\n" + prose + "\n\n" + HEADER
               + "Thank you.\n")
    assert [p.text for p in t.turns[0].paragraphs] == [prose]
    assert t.speaker_of(t.turns[0]).name is None


def test_one_megabyte_on_one_line_parses() -> None:
    line = ("[Interpreted] Revenue grew [ Arvin ] while Earnings Call Transcript costs fell. "
            * 13_000)[:1_000_000]
    t = _parse("Earnings Call Transcript\n\n" + HEADER + line)
    assert len(t.turns) == 1 and t.turns[0].interpreted
    t = _parse(line)  # no header at all: the prose is kept, by nobody in particular
    assert len(t.turns) == 1 and t.speaker_of(t.turns[0]).name is None


def test_many_turns_parse() -> None:
    turn = (HEADER + "[Interpreted] A sentence of the answer.\n\nOperator\n\n"
            "Our next question comes from Ann Lee of Acme Bank.\n\nA\nAnn Lee\nanalyst\n\n"
            "A question.\n\n")
    t = _parse("Earnings Call Transcript\n2024-Q2\n\n" + turn * 5_000)
    assert len(t.turns) == 15_000
    assert len(t.exchanges) == 5_000


# --- the real seed ---------------------------------------------------------------------

@pytest.mark.seeds
def test_seed_outline(seeds_dir: Path) -> None:
    text = _read(seeds_dir / "alphaspread_lexin_q4_2023.txt")
    assert PARSER.detect(text) >= 0.9
    t = _parse(text, "alphaspread_lexin_q4_2023.txt")
    assert t.meta.company == "LexinFintech Holdings"
    assert t.meta.ticker == "LX"
    assert t.meta.period == "Q4 2023"
    assert t.meta.date is None  # the page shows only its update date

    summary = t.turns_in(SectionKind.SUMMARY)
    assert len(summary) == 9
    assert summary[0].paragraphs[0].text == "Company Stabilizes Amidst Challenges"
    assert all(len(s.paragraphs) == 2 and t.speaker_of(s).role == SUMMARY_ROLE for s in summary)
    assert all(s.index < c.index for s in summary for c in _call(t))

    kinds = {s.name: s.kind for s in t.speakers if s.name}
    assert kinds == {
        "Operator": SpeakerKind.OPERATOR,
        "Mandy Dong": SpeakerKind.EXECUTIVE, "Jay Xiao": SpeakerKind.EXECUTIVE,
        "Zhanwen Qiao": SpeakerKind.EXECUTIVE, "Xigui Zheng": SpeakerKind.EXECUTIVE,
        "Xiaoxiong Ye": SpeakerKind.ANALYST, "Yada Li": SpeakerKind.ANALYST,
        "Yuying Zou": SpeakerKind.ANALYST,
    }
    for turn in _call(t):
        assert turn.interpreted == turn.paragraphs[0].text.startswith("[Interpreted]")
    assert sum(turn.interpreted for turn in t.turns) == 8

    first_qa = next(turn for turn in t.turns if turn.section is SectionKind.QA)
    assert _who(t, first_qa) == "Operator"
    assert first_qa.paragraphs[0].text.startswith(
        "[Operator Instructions] Our first question comes from Alex Ye of UBS.")
    askers = [(t.speakers[e.asker].name, t.speakers[e.asker].affiliation)
              for e in t.exchanges if e.asker is not None]
    assert askers == [("Xiaoxiong Ye", "UBS"), ("Yada Li", "CICC"), ("Yuying Zou", "CLSA")]

    end_of_call = next(turn for turn in t.turns
                       if "You may now disconnect" in turn.paragraphs[0].text)
    in_exchanges = {i for e in t.exchanges for i in e.question + e.answer}
    assert all(i not in in_exchanges for i in range(end_of_call.index, len(t.turns)))

    last = t.turns[-1]
    assert [p.text for p in last.paragraphs] == ["Thank you. Bye.", NOTE]
    assert "All Transcripts" not in _all_text(t)
    assert "Updated:" not in _all_text(t)


@pytest.mark.seeds
@pytest.mark.parametrize("name", ["quartr_qfin_q1_2023.txt", "earningscall_qfin_q1_2024.txt"])
def test_seed_other_layouts_are_not_claimed(seeds_dir: Path, name: str) -> None:
    assert PARSER.detect(_read(seeds_dir / name)) < 0.3
