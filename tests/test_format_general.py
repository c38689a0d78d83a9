"""The general (fallback) layout parser, one invented call per common layout."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.core.formats.general import GeneralParser
from reader.core.model import SectionKind, SpeakerKind, Transcript
from reader.core.pipeline import parse_text


def _no_mark(test: Callable[..., None]) -> Callable[..., None]:
    return test


try:
    corpus_mark: Callable[[Callable[..., None]], Callable[..., None]] = pytest.mark.corpus
except pytest.fail.Exception:  # "corpus" is not yet registered under [tool.pytest] markers
    corpus_mark = _no_mark

ANA, EXE, OPR, INT, UNK = (SpeakerKind.ANALYST, SpeakerKind.EXECUTIVE, SpeakerKind.OPERATOR,
                           SpeakerKind.INTERPRETER, SpeakerKind.UNKNOWN)


def outline(text: str) -> Transcript:
    return parse_text(text, name="call.txt", layout="general")


def load(fixtures_dir: Path, name: str) -> Transcript:
    return outline((fixtures_dir / name).read_text(encoding="utf-8"))


def speakers(tr: Transcript) -> dict[str | None, tuple[SpeakerKind, str | None, str | None]]:
    return {s.name: (s.kind, s.role, s.affiliation) for s in tr.speakers}


def who(tr: Transcript) -> list[str]:
    """The speaker label of every turn, in order."""
    return [tr.speaker_of(t).label for t in tr.turns]


def qa_start(tr: Transcript) -> int | None:
    return next((t.index for t in tr.turns if t.section is SectionKind.QA), None)


def exchanges(tr: Transcript) -> list[tuple[str | None, list[int], list[int]]]:
    return [(tr.speakers[e.asker].name if e.asker is not None else None, e.question, e.answer)
            for e in tr.exchanges]


def assert_sections(tr: Transcript, start: int) -> None:
    assert qa_start(tr) == start
    assert all(t.section is SectionKind.PRESENTATION for t in tr.turns[:start])
    assert all(t.section is SectionKind.QA for t in tr.turns[start:])


def assert_offsets(tr: Transcript) -> None:
    for t in tr.turns:
        for p in t.paragraphs:
            assert tr.text[p.start:p.end] == p.text


# --- one test per layout ------------------------------------------------------------------

def test_motley_fool_web_page(fixtures_dir):
    tr = load(fixtures_dir, "general_fool_web.txt")
    assert tr.format == "general"
    assert tr.meta.title == "Lumina Grid Corp (LGRD) Q2 2024 Earnings Call Transcript"
    assert (tr.meta.company, tr.meta.ticker, tr.meta.period, tr.meta.date) == (
        "Lumina Grid Corp", "LGRD", "Q2 2024", "2024-07-30")
    assert speakers(tr) == {
        "Operator": (OPR, None, None),
        "Nora Pell": (EXE, "Head of Investor Relations", None),
        "Victor Asante": (EXE, "Chief Executive Officer", None),
        "Priya Lindqvist": (EXE, "Chief Financial Officer", None),
        "Owen Gallagher": (ANA, "Analyst", "Ridgeback Securities"),
        "Mei Tanaka": (ANA, "Analyst", "Harbor Point Capital"),
    }
    assert who(tr) == ["Operator", "Nora Pell", "Victor Asante", "Priya Lindqvist",
                       "Operator", "Owen Gallagher", "Victor Asante", "Priya Lindqvist",
                       "Owen Gallagher", "Priya Lindqvist", "Operator", "Mei Tanaka",
                       "Victor Asante", "Operator"]
    assert_sections(tr, 4)
    assert exchanges(tr) == [("Owen Gallagher", [5], [6, 7]), ("Owen Gallagher", [8], [9]),
                             ("Mei Tanaka", [11], [12])]
    # Chrome, the table of contents and the participant list are not speech.
    everything = "\n".join(t.text for t in tr.turns)
    for chrome in ("Sign in", "Image source", "Contents", "Duration", "Call participants",
                   "More LGRD analysis", "This article is a transcript", "Advertisement"):
        assert chrome not in everything
    # One paragraph per line: the layout puts no blank line inside a turn.
    assert [p.text for p in tr.turns[3].paragraphs] == [
        "Thank you, Victor. Revenue was $212 million, up 24% year over year.",
        "Revenue: $212 million",
        "Gross margin improved to 28.4%, helped by lower cell prices."]
    assert_offsets(tr)


def test_colon_paragraphs_with_mandarin_and_interpretation(fixtures_dir):
    tr = load(fixtures_dir, "general_colon_interp.txt")
    assert (tr.meta.title, tr.meta.company, tr.meta.period, tr.meta.date) == (
        "First Quarter 2024 Earnings Conference Call", "Jade River Technology Ltd.", "Q1 2024",
        "2024-05-20")
    assert speakers(tr) == {
        "Operator": (OPR, None, None),
        "Helen Qiao": (EXE, "Director of Investor Relations", "Jade River Technology"),
        "Wu Haisheng": (EXE, "Chief Executive Officer", "Jade River Technology"),
        "Lily Chen": (ANA, "Analyst", "Harbor Securities"),
        "Marco Ruiz": (ANA, "Analyst", "Tidewater Capital"),
    }
    assert who(tr) == ["Operator", "Helen Qiao", "Wu Haisheng", "Helen Qiao", "Wu Haisheng",
                       "Helen Qiao", "Operator", "Lily Chen", "Wu Haisheng", "Helen Qiao",
                       "Operator", "Marco Ruiz", "Helen Qiao", "Operator"]
    assert_sections(tr, 6)
    # Helen follows each Mandarin turn in English: she interprets (structure pass).
    assert {t.index: t.interprets for t in tr.turns if t.interprets} == {3: [2], 5: [4], 9: [8]}
    assert exchanges(tr) == [("Lily Chen", [7], [8, 9]), ("Marco Ruiz", [11], [12])]
    # A `Name:` turn starts after the colon and the space.
    first = tr.turns[0].paragraphs[0]
    assert first.start == tr.text.index("Operator: Good morning") + len("Operator: ")
    # "Revenue: RMB 2.6 billion" inside Helen's paragraph is not a header.
    assert [p.text.split(".")[0] for p in tr.turns[3].paragraphs] == [
        "Thank you, Mr", "Revenue: RMB 2", "That is the highest quarterly figure in our history"]
    assert_offsets(tr)


def test_chinese_headers_and_interpreter(fixtures_dir):
    tr = load(fixtures_dir, "general_cn_paren.txt")
    assert (tr.meta.company, tr.meta.ticker, tr.meta.period, tr.meta.date) == (
        "星河智能", "2899.HK", "Q2 2024", "2024-08-15")
    assert speakers(tr) == {
        "主持人": (OPR, None, None),
        "吴海生": (EXE, "首席执行官", None),
        "翻译": (INT, "Interpreter", None),
        "林雅文": (EXE, "首席财务官", None),
        "王丽": (ANA, "分析师", "东海证券"),
        "赵明": (ANA, "分析师", "远山资本"),
    }
    assert who(tr) == ["主持人", "吴海生", "翻译", "林雅文", "翻译", "主持人", "王丽", "吴海生",
                       "翻译", "主持人", "赵明", "林雅文", "翻译", "主持人"]
    assert_sections(tr, 5)
    assert {t.index: t.interprets for t in tr.turns if t.interprets} == {
        2: [1], 4: [3], 8: [7], 12: [11]}
    assert exchanges(tr) == [("王丽", [6], [7, 8]), ("赵明", [10], [11, 12])]
    # `主持人：` opens its paragraph; `毛利率：35.2%` is a figure, not a speaker.
    assert tr.turns[0].paragraphs[0].text.startswith("各位投资者")
    assert tr.turns[3].paragraphs[0].text == "毛利率：35.2%"
    assert_offsets(tr)


def test_name_company_title_headers_and_participant_lists(fixtures_dir):
    tr = load(fixtures_dir, "general_thomson.txt")
    assert tr.meta.title == "Orbitel Systems Inc (NYSE: ORBT) - Q3 2024 Earnings Call"
    assert (tr.meta.company, tr.meta.ticker, tr.meta.period, tr.meta.date) == (
        "Orbitel Systems Inc", "ORBT", "Q3 2024", "2024-10-24")
    assert speakers(tr) == {
        "Operator": (OPR, None, None),
        "Dana Whitfield": (EXE, "VP of Investor Relations", "Orbitel Systems Inc"),
        "Marcus Oyelaran": (EXE, "President & CEO", "Orbitel Systems Inc"),
        "Sofia Brandt": (EXE, "CFO", "Orbitel Systems Inc"),
        "Tom Haverly": (ANA, "Analyst", "Greystone Partners"),
        "Irene Sokolova": (ANA, "Analyst", "Northgate Research"),
    }
    assert_sections(tr, 4)
    assert len(tr.turns) == 13
    assert exchanges(tr) == [("Tom Haverly", [5], [6]), ("Tom Haverly", [7], [8]),
                             ("Irene Sokolova", [10], [11])]
    # Blank-line paragraphs inside a turn stay apart; the copyright line is dropped.
    assert len(tr.turns[2].paragraphs) == 2
    assert "Copyright" not in tr.turns[-1].text
    assert_offsets(tr)


def test_markdown_bold_headers_take_kinds_from_the_lists(fixtures_dir):
    tr = load(fixtures_dir, "general_markdown.txt")
    assert (tr.meta.title, tr.meta.company, tr.meta.period, tr.meta.date) == (
        "Copperleaf Bio — H1 2024 Results Call", "Copperleaf Bio", "H1 2024", "2024-09-12")
    # Headers carry no roles: kinds come from the Executives / Analysts lists.
    assert speakers(tr) == {
        "Operator": (OPR, None, None),
        "Grace Holloway": (EXE, None, None),
        "Zhou Mingyuan": (EXE, None, None),
        "Interpreter": (INT, None, None),
        "Paulo Mendes": (ANA, None, None),
        "Yuki Sato": (ANA, None, None),
    }
    assert who(tr) == ["Operator", "Grace Holloway", "Zhou Mingyuan", "Interpreter",
                       "Grace Holloway", "Operator", "Paulo Mendes", "Zhou Mingyuan",
                       "Interpreter", "Operator", "Yuki Sato", "Grace Holloway", "Operator"]
    assert_sections(tr, 5)
    # One interpreter turn is enough when the speaker is labelled interpreter.
    assert {t.index: t.interprets for t in tr.turns if t.interprets} == {3: [2], 8: [7]}
    assert exchanges(tr) == [("Paulo Mendes", [6], [7, 8]), ("Yuki Sato", [10], [11])]
    # `**Grace Holloway**` alone on a line, and `**Zhou Mingyuan**: ...` opening a paragraph.
    assert tr.turns[1].paragraphs[0].text.startswith("Thank you. Our chairman")
    assert tr.turns[2].paragraphs[0].text.startswith("上半年")
    assert_offsets(tr)


def test_name_line_over_role_line(fixtures_dir):
    tr = load(fixtures_dir, "general_namerole.txt")
    assert (tr.meta.title, tr.meta.company, tr.meta.period, tr.meta.date) == (
        "Fourth Quarter 2023 Earnings Call", "Harborview Logistics Group", "Q4 2023",
        "2024-02-27")
    assert speakers(tr) == {
        "Operator": (OPR, None, None),
        "Alan Brooks": (EXE, "Vice President, Investor Relations", None),
        "Ruth Okafor": (EXE, "Chief Executive Officer", None),
        "Devin Marsh": (ANA, "Analyst", "Alder Bank"),
        "Clara Vance": (ANA, "Analyst", "Pinecrest Advisors"),
    }
    assert_sections(tr, 3)
    assert exchanges(tr) == [("Devin Marsh", [4], [5]), ("Clara Vance", [7], [8])]
    # The role line is not speech, and the one-word line "Thanks." is not a header.
    assert [p.text for p in tr.turns[2].paragraphs][1] == "Thanks."
    assert not any(p.text == "Chief Executive Officer" for t in tr.turns for p in t.paragraphs)


def test_bare_name_lines_with_participants_at_the_end(fixtures_dir):
    tr = load(fixtures_dir, "general_bare.txt")
    assert (tr.meta.title, tr.meta.company, tr.meta.period) == (None, "Fenwick Mills", "Q3 2021")
    assert speakers(tr) == {
        "Operator": (OPR, None, None),
        "Lena Ortiz": (EXE, "Investor Relations", None),
        "Sam Whitcombe": (EXE, "Chief Executive Officer", None),
        "Rosa Delgado": (EXE, "Chief Financial Officer", None),
        "Jordan Blake": (ANA, "Analyst", "Millbrook Partners"),
        "Hana Petrov": (ANA, "Analyst", "Ostrava Capital"),
    }
    assert_sections(tr, 4)
    assert exchanges(tr) == [("Jordan Blake", [5], [6]), ("Jordan Blake", [7], [8]),
                             ("Hana Petrov", [10], [11])]
    assert tr.turns[-1].text == "[Operator Closing Remarks]"


def test_kinds_from_announcements_when_nothing_else_tells(fixtures_dir):
    """Bare names, no roles, no lists: analysts are the people the operator announces."""
    text = (fixtures_dir / "general_bare.txt").read_text(encoding="utf-8")
    text = text[:text.index("Call participants:")]
    tr = outline(text)
    kinds = {s.name: (s.kind, s.affiliation) for s in tr.speakers}
    assert kinds["Jordan Blake"] == (ANA, "Millbrook Partners")
    assert kinds["Hana Petrov"] == (ANA, "Ostrava Capital")
    # Speakers under the Prepared Remarks heading are management.
    assert kinds["Sam Whitcombe"] == (EXE, None)
    assert [e[0] for e in exchanges(tr)] == ["Jordan Blake", "Jordan Blake", "Hana Petrov"]


# --- no structure, traps and odd input --------------------------------------------------------

def test_text_without_structure_gives_one_speakers_paragraphs(fixtures_dir):
    tr = load(fixtures_dir, "general_plain.txt")
    assert len(tr.speakers) == 1
    assert (tr.speakers[0].name, tr.speakers[0].kind) == (None, UNK)
    # Hard-wrapped lines stay together: one paragraph per blank-line paragraph, all in the
    # one turn of a speaker nobody named.
    assert len(tr.turns) == 1
    paras = tr.turns[0].paragraphs
    assert len(paras) == 4
    assert paras[1].text.startswith("Water volumes") and paras[1].text.endswith("budget.")
    assert tr.exchanges == []
    assert_offsets(tr)


def test_one_sentence_per_line_without_names():
    text = "Thanks, everyone.\nRevenue grew 5% in the year.\nWe expect more of the same.\n"
    tr = outline(text)
    assert len(tr.turns) == 1
    assert [p.text for p in tr.turns[0].paragraphs] == text.splitlines()
    assert {s.name for s in tr.speakers} == {None}


TRAPS = """\
Operator
Good morning, and welcome to the Brightfield Foods annual results call.

Jane Moss (Chief Executive Officer)
Thank you. We had a strong year across every region (excluding the north)
Revenue Growth (Non-GAAP)
Revenue: RMB 2.6 billion
Thanks.
Note: all figures are unaudited.
Key Highlights
We opened twelve stores.

Operator
Our first question comes from Alan Cho of Ridge Bank.

Alan Cho (Ridge Bank)
Thanks. Could you talk about margins?

Jane Moss (Chief Executive Officer)
Margins rose by two points.
"""


def test_false_header_traps_are_speech():
    tr = outline(TRAPS)
    assert who(tr) == ["Operator", "Jane Moss", "Operator", "Alan Cho", "Jane Moss"]
    assert [p.text for p in tr.turns[1].paragraphs] == [
        "Thank you. We had a strong year across every region (excluding the north)",
        "Revenue Growth (Non-GAAP)", "Revenue: RMB 2.6 billion", "Thanks.",
        "Note: all figures are unaudited.", "Key Highlights", "We opened twelve stores."]
    assert speakers(tr)["Alan Cho"] == (ANA, None, "Ridge Bank")
    assert exchanges(tr) == [("Alan Cho", [3], [4])]


def test_weak_header_needs_confirmation():
    """A `Name:` seen once is prose until the file shows the shape introducing speakers:
    names that recur, after which a new name in the same shape is trusted too."""
    text = ("Mark Owens: thanks for having me.\n\nToday I will cover three topics.\n\n"
            "Summary: revenue grew.\n")
    tr = outline(text)
    assert {s.name for s in tr.speakers} == {None}
    text2 = text + ("\nAnna Li: Can you expand on the second topic?\n\n"
                    "Mark Owens: Sure, happy to.\n\nAnna Li: Thank you.\n\n"
                    "Tom Reyes: One more from me, on pricing.\n\nMark Owens: Prices hold.\n")
    tr2 = outline(text2)
    assert who(tr2) == ["Mark Owens", "Anna Li", "Mark Owens", "Anna Li", "Tom Reyes",
                        "Mark Owens"]
    assert [p.text for p in tr2.turns[0].paragraphs] == [
        "thanks for having me.", "Today I will cover three topics.", "Summary: revenue grew."]


@pytest.mark.parametrize(("ceo", "analyst"), [
    ("Jane Doe — Chief Executive Officer", "Raj Patel — Kestrel Bank — Analyst"),
    ("Jane Doe - Chief Executive Officer", "Raj Patel - Kestrel Bank - Analyst"),
    ("Jane Doe, Acme Corp - Chief Executive Officer", "Raj Patel, Kestrel Bank - Analyst"),
    ("Jane Doe; Acme Corp; Chief Executive Officer", "Raj Patel; Kestrel Bank; Analyst"),
    ("Jane Doe (Chief Executive Officer)", "Raj Patel (Analyst, Kestrel Bank)"),
    ("**Jane Doe (Chief Executive Officer)**", "**Raj Patel (Kestrel Bank - Analyst)**"),
    ("Jane Doe (Chief Executive Officer):", "Raj Patel (Analyst, Kestrel Bank):"),
])
def test_header_shapes(ceo, analyst):
    text = (f"Operator\nWelcome to the Acme call.\n\n{ceo}\nSales rose 4%.\n\n"
            f"Questions and Answers\n\nOperator\nFirst question, please go ahead.\n\n"
            f"{analyst}\nWhat about costs?\n\n{ceo}\nCosts fell.\n")
    tr = outline(text)
    assert who(tr) == ["Operator", "Jane Doe", "Operator", "Raj Patel", "Jane Doe"]
    jane, raj = speakers(tr)["Jane Doe"], speakers(tr)["Raj Patel"]
    assert jane[:2] == (EXE, "Chief Executive Officer")
    assert jane[2] in (None, "Acme Corp")
    assert raj == (ANA, "Analyst", "Kestrel Bank")
    assert_sections(tr, 2)
    assert exchanges(tr) == [("Raj Patel", [3], [4])]


def test_name_colon_alone_on_its_line():
    text = ("Operator:\nWelcome to the call.\n\nJane Doe:\nSales rose.\n\nOperator:\n"
            "Our first question comes from Raj Patel of Kestrel Bank.\n\nRaj Patel:\n"
            "What about costs?\n\nJane Doe:\nCosts fell.\n")
    tr = outline(text)
    assert who(tr) == ["Operator", "Jane Doe", "Operator", "Raj Patel", "Jane Doe"]
    assert speakers(tr)["Raj Patel"] == (ANA, None, "Kestrel Bank")
    assert exchanges(tr) == [("Raj Patel", [3], [4])]


def test_two_line_participant_entries_name_bare_headers():
    text = ("CORPORATE PARTICIPANTS\n Jane Doe\n Acme Corp - CFO\n\nCONFERENCE CALL PARTICIPANTS\n"
            " Raj Patel\n Kestrel Bank - Analyst\n\nPRESENTATION\n\nOperator\nWelcome.\n\n"
            "Jane Doe\nSales rose.\n\nQUESTIONS AND ANSWERS\n\nOperator\nFirst question.\n\n"
            "Raj Patel\nWhat about costs?\n\nJane Doe\nCosts fell.\n")
    tr = outline(text)
    assert who(tr) == ["Operator", "Jane Doe", "Operator", "Raj Patel", "Jane Doe"]
    assert speakers(tr)["Jane Doe"] == (EXE, "CFO", "Acme Corp")
    assert speakers(tr)["Raj Patel"] == (ANA, "Analyst", "Kestrel Bank")
    assert_sections(tr, 2)


def test_unnamed_voices_are_speakers():
    text = ("Questions and Answers:\n\nOperator\nThe next question comes from Jackie [Inaudible]. "
            "Please go ahead.\n\nUnknown speaker\nHi, can you hear me?\n\nDora Lane\nYes, "
            "go ahead.\n\nUnknown speaker\nWhat is the buyback plan?\n\nDora Lane\n"
            "We will update you in May.\n")
    tr = outline(text)
    assert who(tr) == ["Operator", "Unknown speaker", "Dora Lane", "Unknown speaker", "Dora Lane"]
    assert speakers(tr)["Unknown speaker"][0] is ANA
    assert exchanges(tr) == [("Unknown speaker", [1], [2]), ("Unknown speaker", [3], [4])]


def test_section_headings_set_sections_and_toc_headings_do_not():
    text = ("Contents\nPresentation\nQuestions and Answers\nCall Participants\n\n"
            "Presentation\n\nOperator\nWelcome to the call.\n\nAmy Park (CFO)\nSales rose.\n\n"
            "问答环节\n\nOperator\nFirst question, please.\n\nBen Ito (Analyst, Kite Securities)\n"
            "What about costs?\n\nAmy Park (CFO)\nCosts fell.\n")
    tr = outline(text)
    assert who(tr) == ["Operator", "Amy Park", "Operator", "Ben Ito", "Amy Park"]
    assert_sections(tr, 2)
    assert exchanges(tr) == [("Ben Ito", [3], [4])]


def test_without_headings_sections_are_left_to_the_structure_pass():
    text = ("Operator\nWelcome.\n\nAmy Park (CFO)\nSales rose.\n\nOperator\nOur first question "
            "comes from Ben Ito.\n\nBen Ito (Analyst)\nWhat about costs?\n\nAmy Park (CFO)\n"
            "Costs fell.\n")
    draft = GeneralParser().parse(text)
    assert all(t.section is None for t in draft.turns)
    assert qa_start(outline(text)) == 2


@pytest.mark.parametrize("text", [
    "", "   \n\n  ", "Sign in\nShare\nAdvertisement\n", "Operator\n", "Jane Doe (CEO)\n\n",
    "Questions and Answers\n", "Call participants:\nJane Doe -- CEO\n", "**\n**Jane**",
    "：\n:\n()\n（）", "Jane Doe -- \n-- CEO\n", "主持人：\n",
])
def test_odd_input_never_raises(text):
    tr = outline(text)
    assert all(t.paragraphs for t in tr.turns)


def test_one_megabyte_on_one_line_completes():
    text = "Jane Doe (CEO): " + "Revenue (see note) rose: RMB 5 billion -- Q2, up 3%. " * 20000
    assert len(text) > 1_000_000 and "\n" not in text
    tr = outline(text)
    assert len(tr.turns) == 1
    assert tr.turns[0].end == len(text.rstrip())


def test_detect_is_a_low_constant():
    parser = GeneralParser()
    assert parser.name == "general"
    assert parser.detect("anything") == parser.detect("") < 0.3


# --- the real corpus ----------------------------------------------------------------------------

_QA_HEADING = re.compile(r"^(?:Questions and Answers|Questions & Answers):?\s*$", re.M)


@corpus_mark
def test_corpus_transcripts_parse_into_outlines(corpus_dir):
    """Motley Fool-style files: named speakers, and where there is a Q&A heading, a Q&A
    section with at least one exchange."""
    files = sorted(corpus_dir.glob("fooljson__*.txt"))
    step = max(1, len(files) // 50)
    sample = files[::step][:50]
    assert len(sample) == min(50, len(files)) > 0
    for path in sample:
        text = path.read_text(encoding="utf-8")
        tr = outline(text)
        named = [s for s in tr.speakers if s.name]
        assert len(named) >= 2, path.name
        if _QA_HEADING.search(text):
            assert qa_start(tr) is not None, path.name
            assert len(tr.exchanges) >= 1, path.name
        assert_offsets(tr)


@corpus_mark
def test_corpus_files_without_names_give_paragraph_turns(corpus_dir):
    for path in sorted(corpus_dir.glob("maec__*.txt"))[:10]:
        tr = outline(path.read_text(encoding="utf-8"))
        assert tr.turns, path.name
        assert {s.name for s in tr.speakers} == {None}, path.name


def test_speech_that_opens_with_a_name_and_a_comma_is_not_a_header():
    text = ("Operator\nWe will now take questions.\n\nElla Stone - Head of Investor Relations\n"
            "Operator, before we take the first question, I also wanted to introduce our Chief "
            "Investment Officer, who joins us today.\nHe will take market questions.\n")
    tr = outline(text)
    assert who(tr) == ["Operator", "Ella Stone"]
    assert tr.turns[1].paragraphs[0].text.startswith("Operator, before we take")


def test_a_reply_that_names_a_role_is_not_a_title_line():
    text = ("Operator\nWelcome to the Harrowgate call.\n\nElla Stone\nVice President, Investor "
            "Relations\nThank you. Revenue rose.\n\nOmar Haddad\nChief Executive Officer\n"
            "Margins held.\n\nElla Stone\nThanks, Omar. [Operator instructions]\n\nOperator\n"
            "Our first question comes from Ivo Marsh of Crestline.\n")
    tr = outline(text)
    assert who(tr) == ["Operator", "Ella Stone", "Omar Haddad", "Ella Stone", "Operator"]
    assert tr.turns[3].text == "Thanks, Omar. [Operator instructions]"


def test_a_name_with_a_nickname_in_quotes():
    text = ("Operator\nWelcome to the call.\n\nWilliam M. ''Bill'' Brown\nThanks. Revenue rose.\n\n"
            "Operator\nOur first question comes from Ivo Marsh of Crestline.\n\nIvo Marsh\n"
            "How is demand?\n\nWilliam M. ''Bill'' Brown\nSteady.\n")
    tr = outline(text)
    assert who(tr) == ["Operator", "William M. ''Bill'' Brown", "Operator", "Ivo Marsh",
                       "William M. ''Bill'' Brown"]


def test_initials_first_and_a_reply_to_the_operator():
    text = ("Operator\nThe first question comes from Nick Yule from Scotia.\n\nNick Yule\n"
            "How is leasing?\n\nA. Robert Paratte\nStrong.\n\nUnidentified Speaker\n"
            "Operator, next question please\n\nOperator\nThe next question comes from Ida Vance "
            "from Pell.\n\nIda Vance\nAnd rents?\n\nA. Robert Paratte\nUp.\n\nUnidentified Speaker\n"
            "Operator, next question please\n")
    tr = outline(text)
    assert who(tr) == ["Operator", "Nick Yule", "A. Robert Paratte", "Unidentified Speaker",
                       "Operator", "Ida Vance", "A. Robert Paratte", "Unidentified Speaker"]
    assert tr.turns[3].text == "Operator, next question please"
