"""The EarningsCall-style layout, on fixtures written for it, odd inputs and the real seed."""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

from reader.core.decoding import decode
from reader.core.formats.earningscall import MACHINE_ROLE, MANAGEMENT_ROLE, EarningsCallParser
from reader.core.formats.earningscall import patterns as pat
from reader.core.formats.earningscall.restatement import bag
from reader.core.model import SectionKind, Speaker, SpeakerKind, Transcript, Turn
from reader.core.pipeline import build_transcript
from reader.core.roles import LINE_OF

PARSER = EarningsCallParser()
OWN_FIXTURES = ["earningscall_lotusway_q3_2024.txt", "earningscall_northpeak_q4_2023.txt",
                "earningscall_ambergate_q2_2025.txt"]


def _parse(text: str, name: str = "call.txt") -> Transcript:
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return build_transcript(text, PARSER, name, "utf-8", digest)


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8").replace("\r\n", "\n")


def _speaker(t: Transcript, name: str) -> Speaker:
    return next(s for s in t.speakers if s.name == name)


def _turn(t: Transcript, starts: str) -> Turn:
    """The turn whose first paragraph starts with `starts`."""
    return next(turn for turn in t.turns if turn.paragraphs[0].text.startswith(starts))


def _turn_with(t: Transcript, words: str) -> Turn:
    return next(turn for turn in t.turns if words in turn.text)


def _who(t: Transcript, turn: Turn) -> Speaker:
    return t.speaker_of(turn)


def _in_exchange(t: Transcript, turn: Turn) -> bool:
    return any(turn.index in e.question or turn.index in e.answer for e in t.exchanges)


@pytest.fixture
def lotusway(fixtures_dir: Path) -> Transcript:
    return _parse(_read(fixtures_dir / "earningscall_lotusway_q3_2024.txt"))


@pytest.fixture
def northpeak(fixtures_dir: Path) -> Transcript:
    return _parse(_read(fixtures_dir / "earningscall_northpeak_q4_2023.txt"))


@pytest.fixture
def ambergate(fixtures_dir: Path) -> Transcript:
    return _parse(_read(fixtures_dir / "earningscall_ambergate_q2_2025.txt"))


# --- detection -------------------------------------------------------------------------

@pytest.mark.parametrize("name", OWN_FIXTURES)
def test_detect_is_high_on_this_layout(fixtures_dir: Path, name: str) -> None:
    assert PARSER.detect(_read(fixtures_dir / name)) >= 0.8


def test_detect_is_low_on_other_layouts_fixtures(fixtures_dir: Path) -> None:
    others = [p for p in sorted(fixtures_dir.glob("*.txt"))
              if not p.name.startswith("earningscall_")]
    assert others, "expected other layouts' fixtures beside ours"
    for path in others:
        assert PARSER.detect(_read(path)) < 0.3, path.name


@pytest.mark.parametrize("text", [
    # Headed turns with a heading for each part.
    "Prepared Remarks:\n\nOperator\nGood morning, and welcome to the Brindle Mills second quarter "
    "call.\n\nJune Harlow -- Chief Executive Officer\nThanks. Sales rose 4% on stronger flour "
    "demand.\n",
    # One sentence per line, no header, no names.
    "Yes, this is Harold.\nI was just commenting on that.\nSo we are still seeing softer demand.\n"
    "We'll continue to look at that across the organization.\n",
    # A title and a spelled-out date, then speaker headers.
    "Fernmoor Holdings - Q2 2024\n\nAugust 9, 2024\n\nTranscript\n\nOperator (participant)\n\n"
    "Welcome to the call.\n\nIda Rowe (CFO)\n\nThank you. Revenue grew 3%.\n",
    # Company and M/D/YYYY date, but "Name: text" turns on short lines.
    "Quillfield Inc\n5/2/2024\nOperator: Welcome.\nMara Lind: Thank you.\nOperator: Next.\n",
    "",
])
def test_detect_is_low_elsewhere(text: str) -> None:
    assert PARSER.detect(text) < 0.3


def test_detect_without_the_disclaimer_needs_company_date_and_long_lines() -> None:
    long = ("Good afternoon and welcome to the Corvale Foods third quarter 2024 earnings call. "
            "All participants are in a listen-only mode and the call is being recorded today. "
            "After the prepared remarks there will be a question and answer session.")
    assert PARSER.detect(f"Corvale Foods Inc\n10/30/2024\n{long}\n{long}\n{long}\n") >= 0.8
    assert PARSER.detect(f"Corvale Foods Inc\n{long}\n{long}\n{long}\n") < 0.3


def test_disclaimer_wording_may_vary() -> None:
    text = ("This transcript was produced automatically by speech recognition and may contain "
            "mistakes; rely on the company's filings instead.\nSomething Else\n")
    assert PARSER.detect(text) >= 0.9


# --- metadata -----------------------------------------------------------------------------

def test_meta_from_header_lines(lotusway: Transcript, northpeak: Transcript,
                                ambergate: Transcript) -> None:
    assert (lotusway.meta.company, lotusway.meta.date) == ("Lotusway Finance Group", "2024-11-14")
    assert (northpeak.meta.company, northpeak.meta.date) == ("Northpeak Robotics", "2024-03-12")
    assert (ambergate.meta.company, ambergate.meta.date) == ("Ambergate Logistics", "2025-08-06")


def test_period_is_voted_not_taken_from_the_first_mention(
        lotusway: Transcript, ambergate: Transcript) -> None:
    # The IR director's garbled "second quarter 2024" / "fourth quarter 2025" is outvoted by
    # the operator's welcome and the CFO's "third quarter earnings call".
    assert lotusway.meta.period == "Q3 2024"
    assert ambergate.meta.period == "Q2 2025"


def test_period_of_a_quarter_and_full_year_call_is_the_quarter(northpeak: Transcript) -> None:
    assert northpeak.meta.period == "Q4 2023"


def test_period_vote_counts_a_yearless_call_name() -> None:
    op = ("Thank you for standing by, and welcome to the Ostrava Mining second quarter 2024 "
          "earnings conference call. All lines are in listen-only mode. I would now like to turn "
          "the call over to Mr. Jan Novak.")
    text = ("Ostrava Mining Corp\n7/30/2024\n"
            f"{op}\n"
            "Thank you, operator. Welcome to our third quarter 2024 earnings call.\n"
            "Welcome again to our third quarter earnings call; revenue rose.\n")
    # Two third-quarter votes against the operator's double vote: the tie goes to the
    # mention heard first, the operator's.
    assert _parse(text).meta.period == "Q2 2024"
    text += "As said, this third quarter earnings call covers the quarter.\n"
    assert _parse(text).meta.period == "Q3 2024"


# --- speakers -----------------------------------------------------------------------------

def test_named_handoffs_give_names_and_roles(lotusway: Transcript) -> None:
    vivian = _speaker(lotusway, "Vivian Tsai")
    assert (vivian.role, vivian.kind) == ("Head of Investor Relations", SpeakerKind.EXECUTIVE)
    assert _speaker(lotusway, "Zhou Mingyuan").role == "CEO"  # from "Mr. Zhou Mingyuan, our CEO"
    assert _speaker(lotusway, "Peter Lam").role == "CFO"
    assert _who(lotusway, _turn(lotusway, "Thank you, operator.")).name == "Vivian Tsai"
    assert _who(lotusway, _turn(lotusway, "Thank you, Mingyuan.")).name == "Peter Lam"


def test_announced_askers_carry_their_firms(lotusway: Transcript) -> None:
    assert _speaker(lotusway, "Daniel Okafor").affiliation == "Harbor Crest Securities"
    assert _speaker(lotusway, "Grace Muller").affiliation == "Northgate Capital"
    assert all(_speaker(lotusway, n).kind is SpeakerKind.ANALYST
               for n in ("Daniel Okafor", "Grace Muller"))


def test_unannounced_first_asker_is_an_unnamed_analyst(lotusway: Transcript) -> None:
    first = lotusway.exchanges[0]
    assert first.asker is not None
    asker = lotusway.speakers[first.asker]
    assert (asker.name, asker.kind) == (None, SpeakerKind.ANALYST)
    assert "new warehouses" in lotusway.turns[first.question[0]].text


@pytest.mark.parametrize("name", OWN_FIXTURES)
def test_every_name_comes_from_the_text(fixtures_dir: Path, name: str) -> None:
    text = _read(fixtures_dir / name)
    t = _parse(text)
    for s in t.speakers:
        assert s.name is None or s.name in text, s.name


def test_handoffs_to_the_host_and_by_role(northpeak: Transcript) -> None:
    tomas = _speaker(northpeak, "Tomas Brandt")
    ines = _speaker(northpeak, "Ines Varga")
    assert (tomas.role, ines.role) == ("Chief Executive Officer", "Chief Financial Officer")
    assert _who(northpeak, _turn(northpeak, "Thank you, operator, and good morning")) == tomas
    assert _who(northpeak, _turn(northpeak, "Thank you, Tomas.")) == ines


def test_over_to_you_hands_to_a_known_name(ambergate: Transcript) -> None:
    laura = _turn(ambergate, "Thanks, Owen.")
    assert _who(ambergate, laura).name == "Laura Chen"  # "turn the call over to Laura"
    assert len(laura.paragraphs) == 2
    assert _who(ambergate, _turn(ambergate, "Thank you, Laura.")).name == "Rahul Mehta"


# --- presentation and machine renderings ---------------------------------------------------------

def test_presentation_rendering_and_its_interpretation(lotusway: Transcript) -> None:
    machine = _turn(lotusway, "Thank you everyone for attending.")
    interp = _turn(lotusway, "Okay, I will do the translation. Thank you all")
    assert _who(lotusway, machine).name == "Zhou Mingyuan"
    assert _who(lotusway, interp).kind is SpeakerKind.INTERPRETER
    assert _who(lotusway, interp).name is None
    assert interp.interprets == [machine.index]
    assert interp.interpreted and interp.section is SectionKind.PRESENTATION


def test_qa_starts_at_the_operator_instructions(lotusway: Transcript) -> None:
    qa = lotusway.turns_in(SectionKind.QA)
    assert _who(lotusway, qa[0]).kind is SpeakerKind.OPERATOR
    assert "To ask a question" in qa[0].text
    assert all(t.section is SectionKind.PRESENTATION for t in lotusway.turns[:qa[0].index])
    assert all(t.section is SectionKind.QA for t in lotusway.turns[qa[0].index:])


def test_cue_opens_an_interpretation_of_the_machine_rendering(lotusway: Transcript) -> None:
    machine = _turn(lotusway, "About the warehouse,")
    interp = _turn(lotusway, "OK, I will do the translation. Regarding the warehouses")
    assert _who(lotusway, machine).role == MACHINE_ROLE
    assert _who(lotusway, machine).name is None
    assert interp.interprets == [machine.index]


def test_cue_at_the_end_of_a_line_splits_it(lotusway: Transcript) -> None:
    machine = _turn(lotusway, "For the credit cost,")
    interp = next(t for t in lotusway.turns
                  if t.paragraphs[0].text == "OK, I will do the translation.")
    assert machine.paragraphs[-1].text.endswith("around 2.3% of the loan balance.")
    # The cue and the cue-less line after it are one interpretation.
    assert [p.text[:20] for p in interp.paragraphs] == ["OK, I will do the tr", "On credit costs, the"]
    assert interp.interprets == [machine.index]
    assert machine.paragraphs[-1].end < interp.paragraphs[0].start


def test_cueless_interpretation_found_by_what_it_restates(lotusway: Transcript) -> None:
    machine = _turn(lotusway, "And for the farmers who are affected")
    interp = _turn(lotusway, "For affected farmers,")
    assert _who(lotusway, machine).role == MACHINE_ROLE
    assert _who(lotusway, interp).kind is SpeakerKind.INTERPRETER
    assert interp.interprets == [machine.index]


def test_let_name_take_it_names_the_next_answer(lotusway: Transcript) -> None:
    peter = _turn(lotusway, "Sure. On the buyback")
    assert _who(lotusway, peter).name == "Peter Lam"
    assert len(peter.paragraphs) == 2  # his second paragraph is not a translation
    assert peter.interprets == []


def test_vocative_names_the_interpreter(lotusway: Transcript) -> None:
    interp = _turn(lotusway, "Okay, I will do the translation. For merchant financing")
    machine = _turn(lotusway, "For merchant financing, next year")
    assert machine.paragraphs[-1].text.endswith("Vivian.")
    assert _who(lotusway, interp).name == "Vivian Tsai"
    assert interp.interprets == [machine.index]


def test_asker_translating_herself_stays_in_the_question(lotusway: Transcript) -> None:
    grace = _speaker(lotusway, "Grace Muller")
    ex = next(e for e in lotusway.exchanges if e.asker == grace.id)
    q1, q2 = (lotusway.turns[i] for i in ex.question)
    assert q2.paragraphs[0].text.startswith("I will translate myself.")
    assert q2.interprets == [q1.index]
    assert q1.speaker == q2.speaker == grace.id


def test_direct_english_answers_are_not_interpretations(ambergate: Transcript) -> None:
    assert not any(s.kind is SpeakerKind.INTERPRETER for s in ambergate.speakers)
    assert all(t.interprets == [] for t in ambergate.turns)
    first = _turn(ambergate, "Thanks, Hannah.")
    assert (_who(ambergate, first).name, _who(ambergate, first).role) == (None, MANAGEMENT_ROLE)
    assert _who(ambergate, _turn(ambergate, "Sure. Parcel gross margin")).name == "Rahul Mehta"


# --- exchanges ----------------------------------------------------------------------------

def test_exchanges_follow_the_operator(lotusway: Transcript) -> None:
    askers = [lotusway.speakers[e.asker].name if e.asker is not None else "?"
              for e in lotusway.exchanges]
    assert askers == [None, "Daniel Okafor", "Grace Muller"]
    daniel = lotusway.exchanges[1]
    answers = [lotusway.turns[i].paragraphs[0].text[:12] for i in daniel.answer]
    assert answers == ["For the cred", "OK, I will d", "And for the ", "For affected",
                       "Sure. On the"]


def test_bridge_and_closing_remarks_are_in_no_exchange(lotusway: Transcript) -> None:
    bridge = _turn(lotusway, "Operator, let's move on")
    closing = _turn(lotusway, "Thank you everyone for joining us today.")
    for turn in (bridge, closing):
        assert not _in_exchange(lotusway, turn)
        assert _who(lotusway, turn).role == MANAGEMENT_ROLE
        assert turn.section is SectionKind.QA


def test_closing_after_the_operator_hands_back(ambergate: Transcript) -> None:
    closing = _turn(ambergate, "Thank you, operator, and thank you all")
    assert not _in_exchange(ambergate, closing)
    assert [len(e.answer) for e in ambergate.exchanges] == [2, 1]


def test_call_without_questions(northpeak: Transcript) -> None:
    assert northpeak.exchanges == []
    assert northpeak.turns_in(SectionKind.QA) == []
    kinds = [_who(northpeak, t).kind for t in northpeak.turns]
    assert kinds[0] is kinds[-1] is SpeakerKind.OPERATOR
    assert [_who(northpeak, t).name for t in northpeak.turns[1:3]] == ["Tomas Brandt", "Ines Varga"]


@pytest.mark.parametrize("name", OWN_FIXTURES)
def test_outline_invariants(fixtures_dir: Path, name: str) -> None:
    t = _parse(_read(fixtures_dir / name))
    seen: set[int] = set()
    for turn in t.turns:
        for p in turn.paragraphs:
            assert p.text == t.text[p.start:p.end] and p.text.strip() == p.text
        assert all(i < turn.index for i in turn.interprets)
    for ex in t.exchanges:
        for i in ex.question + ex.answer:
            assert i not in seen
            seen.add(i)
            assert t.turns[i].section is SectionKind.QA
            assert _who(t, t.turns[i]).kind is not SpeakerKind.OPERATOR
        for i in ex.answer:
            assert _who(t, t.turns[i]).kind is not SpeakerKind.ANALYST
    # The header lines are metadata, not speech.
    first = t.turns[0].paragraphs[0].text
    assert t.meta.company is not None and not first.startswith(t.meta.company)


# --- newlines and odd input ------------------------------------------------------------------

def _shape(t: Transcript) -> list[tuple[str | None, str, int, list[int]]]:
    return [(_who(t, turn).name, _who(t, turn).kind.value, len(turn.paragraphs), turn.interprets)
            for turn in t.turns]


def test_windows_newlines(fixtures_dir: Path) -> None:
    text = _read(fixtures_dir / "earningscall_lotusway_q3_2024.txt")
    crlf = text.replace("\n", "\r\n")
    decoded = decode(crlf.encode("utf-8")).text  # what opening a file does
    assert _shape(_parse(decoded)) == _shape(_parse(text))
    raw = _parse(crlf)  # not normalised: still no carriage return inside a paragraph
    assert _shape(raw) == _shape(_parse(text))
    assert all("\r" not in p.text for turn in raw.turns for p in turn.paragraphs)
    assert raw.meta == _parse(text).meta


@pytest.mark.parametrize("text", [
    "", "\n\n\n", "   ",
    "This conference call transcript was computer generated and almost certainly contains "
    "errors. It is provided for information purposes only.",
    "This conference call transcript was computer generated and almost certainly contains "
    "errors. It is provided for information purposes only.\nVesper Labs, Inc\n4/2/2024\n",
    "Vesper Labs, Inc\n4/2/2024\nThank you. That does conclude the conference for today.\n",
    "Vesper Labs, Inc\n4/2/2024\nThank you. We will now take our first question.\n"
    "Okay, I will do the translation.\nOperator, next question please.\n",
    "\x00\x01\ufffd\n\u3000\n" + "好的。" * 50,
])
def test_odd_input_never_raises(text: str) -> None:
    t = _parse(text)
    for turn in t.turns:
        for p in turn.paragraphs:
            assert p.text == text[p.start:p.end]


def test_header_only_gives_meta_and_no_turns() -> None:
    t = _parse("Vesper Labs, Inc\n4/2/2024\n")
    assert (t.meta.company, t.meta.date, t.turns) == ("Vesper Labs", "2024-04-02", [])


def test_one_megabyte_on_one_line_parses() -> None:
    sentence = ("Revenue grew 12% to RMB 3.1 billion, and I will now turn the call over to "
                "the team, thank you for standing by, OK, I will do the translation. ")
    line = sentence * (1_000_000 // len(sentence))
    text = f"Vesper Labs, Inc\n4/2/2024\n{line}\n"
    t = _parse(text)
    assert t.turns and t.turns[-1].end == len(text.rstrip())


# --- anchored scans past the slower patterns ------------------------------------------------------

_SCANS = [
    (pat.ROSTER_NAME_ROLE, pat.name_starts),
    (pat.ROSTER_ROLE_NAME, lambda text: pat.word_starts(text, ("our",))),
    (pat.HANDOFF, lambda text: pat.word_starts(text, ("turn", "hand", "pass"))),
    (pat.LET_ANSWER, lambda text: pat.word_starts(text, ("let",))),
]
_PIECES = ["Mr.", "Prof.", "Ms", "Dr", "Alex", "Xu", "O'Neil", "Lee-Ann", "A" + "a" * 20,
           "B" + "b" * 20, "Abcdefghijklmnopqrstuvw", ",", ", our", "our", "the company's", "CFO",
           "Chief", "Financial", "Officer", "of", "and", "turn", "turning", "hand", "pass",
           "the call", "the conference call", "it", "over", "back", "to", "your", "four", "flour",
           "joining", ".", "!", "\u3000", "\n", "\t", " ", "   ",
           "Mr. Alex Xu, our CFO", "Karen Gee, the company's Head of IR", "our CEO, Dr. Wu",
           "our Chief Operating Officer,  Ms. Ida Rowe", "turn the call over to",
           "hand it back to", "passing the conference call back over to", "let", "outlet",
           "let our CFO, Mr. Alex Xu answer", "let Peter take", "answer", "add", "Let"]


def _found(matches: Iterable[re.Match[str]]) -> list[object]:
    return [(m.span(), m.groupdict()) for m in matches]


def _scan_texts(fixtures_dir: Path) -> list[str]:
    rng = random.Random(7)
    texts = [line for name in OWN_FIXTURES for line in _read(fixtures_dir / name).split("\n")]
    for _ in range(3000):
        sep = rng.choice([" ", "", "  ", "    "])
        texts.append(sep.join(rng.choice(_PIECES) for _ in range(rng.randint(1, 30))))
    longest = "Prof.   " + "   ".join(w + "a" * 20 for w in "ABCD")
    texts += [f"Joining me today is {longest}, our CFO.", f"x{longest},   our CFO",
              f"{longest[1:]}, the company's Chief Financial Officer"]
    return texts


@pytest.mark.parametrize(("pattern", "starts"), _SCANS)
def test_scan_finds_what_finditer_finds(fixtures_dir: Path, pattern: re.Pattern[str],
                                        starts: Callable[[str], list[int]]) -> None:
    found = 0
    for text in _scan_texts(fixtures_dir):
        expected = _found(pattern.finditer(text))
        assert _found(pat.scan(pattern, text, starts(text))) == expected, text
        found += len(expected)
    assert found > 300  # the texts do hold matches to compare


def test_name_reach_is_the_longest_title_and_name() -> None:
    # The widest a name-then-role entry's title and name can be, by the pattern itself
    # (re._parser is the standard library's own, private, parser of patterns).
    assert re._parser.parse(f"{pat.TITLE}?{pat.NAME}").getwidth()[1] == pat.NAME_REACH


def test_bag_counts_stems_and_numbers_in_order_of_first_use() -> None:
    text = "Orders grew 1,234.5 percent; the order book is growing, as said: ordering rose."
    expected = [("order", 3), ("grew", 1), ("#1234.5", 1), ("percent", 1), ("book", 1),
                ("grow", 1), ("rose", 1)]
    assert list(bag(text).items()) == expected


def test_line_of_finds_what_its_word_boundary_form_finds() -> None:
    # LINE_OF opens with the literal "line" and checks the boundary behind it.
    boundary_first = re.compile(r"\bline" + LINE_OF.pattern.removeprefix(r"line(?<=\bline)"))
    assert boundary_first.pattern != LINE_OF.pattern
    rng = random.Random(11)
    pieces = ["line", "pipeline", "Line", "of", "Emma", "Xu", "from", "Bank", "of", "America", ",",
              "_line", "line-of", "\n", "  "]
    texts = ["the line of Emma Xu from Bank of America", "our pipeline of Emma Xu", "line of Al Wu"]
    texts += [" ".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) for _ in range(3000)]
    found = 0
    for text in texts:
        expected = _found(boundary_first.finditer(text))
        assert _found(LINE_OF.finditer(text)) == expected, text
        found += len(expected)
    assert found > 50
    assert LINE_OF.search("our pipeline of Emma Xu") is None


# --- the real seed --------------------------------------------------------------------------

@pytest.fixture
def qfin(seeds_dir: Path) -> Transcript:
    return _parse(_read(seeds_dir / "earningscall_qfin_q1_2024.txt"), "earningscall.txt")


@pytest.mark.seeds
def test_seed_is_detected(seeds_dir: Path) -> None:
    assert PARSER.detect(_read(seeds_dir / "earningscall_qfin_q1_2024.txt")) >= 0.9
    for other in ("quartr_qfin_q1_2023.txt", "alphaspread_lexin_q4_2023.txt"):
        assert PARSER.detect(_read(seeds_dir / other)) < 0.3


@pytest.mark.seeds
def test_seed_meta(qfin: Transcript) -> None:
    # "third quarter 2024" in the IR director's welcome is the site's speech recognition.
    assert (qfin.meta.company, qfin.meta.period, qfin.meta.date) == (
        "Qifu Technology", "Q1 2024", "2024-05-20")


@pytest.mark.seeds
def test_seed_speakers(qfin: Transcript) -> None:
    operator = [s for s in qfin.speakers if s.kind is SpeakerKind.OPERATOR]
    assert [(s.name, s.role) for s in operator] == [(None, None)]
    karen = _speaker(qfin, "Karen Gee")
    assert (karen.kind, karen.role) == (SpeakerKind.EXECUTIVE, "Senior Director of Capital Markets")
    assert (_speaker(qfin, "Wu Haisheng").role, _speaker(qfin, "Alex Xu").role) == ("CEO", "CFO")
    analysts = {s.name: s.affiliation for s in qfin.speakers if s.kind is SpeakerKind.ANALYST}
    # The operator names the first asker too ("from the line of Chiao Huang from Morgan
    # Stanley"), so no asker is left unnamed in this call.
    assert analysts == {"Chiao Huang": "Morgan Stanley", "Emma Xu": "Bank of America",
                        "Alex Yee": "UBS", "Yadan Li": "CICC"}
    unnamed = {(s.kind, s.role) for s in qfin.speakers if s.name is None}
    assert unnamed == {(SpeakerKind.OPERATOR, None), (SpeakerKind.INTERPRETER, None),
                       (SpeakerKind.EXECUTIVE, MACHINE_ROLE),
                       (SpeakerKind.EXECUTIVE, MANAGEMENT_ROLE)}
    assert not any(s.name == "Zheng Yan" for s in qfin.speakers)  # introduced, never heard


@pytest.mark.seeds
def test_seed_presentation(qfin: Transcript) -> None:
    pres = qfin.turns_in(SectionKind.PRESENTATION)
    assert [_who(qfin, t).name for t in pres] == [None, "Karen Gee", "Wu Haisheng", "Alex Xu"]
    ceo = pres[2]
    assert ceo.paragraphs[0].text == "Hello, everyone. Thank you for joining us today."
    assert ceo.paragraphs[-1].text.endswith("turn the call over to Alex Xu.")
    assert pres[3].paragraphs[0].text.startswith("Thank you, Haisheng.")


@pytest.mark.seeds
def test_seed_qa_and_exchanges(qfin: Transcript) -> None:
    qa = qfin.turns_in(SectionKind.QA)
    assert _who(qfin, qa[0]).kind is SpeakerKind.OPERATOR and "To ask a question" in qa[0].text
    askers = [qfin.speakers[e.asker].name for e in qfin.exchanges if e.asker is not None]
    assert askers == ["Chiao Huang", "Emma Xu", "Alex Yee", "Yadan Li"]
    for ex in qfin.exchanges:
        assert all(_who(qfin, qfin.turns[i]).name == askers[qfin.exchanges.index(ex)]
                   for i in ex.question)
        assert ex.answer and all(
            _who(qfin, qfin.turns[i]).kind in (SpeakerKind.EXECUTIVE, SpeakerKind.INTERPRETER)
            for i in ex.answer)


@pytest.mark.seeds
def test_seed_cue_inside_a_line_splits_rendering_from_interpretation(qfin: Transcript) -> None:
    machine = _turn(qfin, "Well, since this year")
    interp = _turn(qfin, "Okay, I will do the translation. We understand")
    assert machine.paragraphs[-1].text.endswith("gradually play a role.")
    assert _who(qfin, machine).role == MACHINE_ROLE
    # The cue-less line after the cue is the same interpretation.
    assert interp.paragraphs[1].text.startswith("Since the beginning of 2024, consumer credit")
    assert _who(qfin, interp).kind is SpeakerKind.INTERPRETER
    assert interp.interprets == [machine.index] and interp.interpreted


@pytest.mark.seeds
def test_seed_interpretations(qfin: Transcript) -> None:
    take_rate = _turn(qfin, "Okay, I will do the translation. Regarding the take rate")
    rendering = _turn(qfin, "Guan Yu, take a rate.")
    assert len(rendering.paragraphs) == 2
    assert take_rate.interprets == [rendering.index]
    # No cue: found because it restates the line before it.
    cueless = _turn(qfin, "Okay, in addition, we have also achieved a good result")
    assert cueless.interprets == [_turn(qfin, "In addition, we have also achieved good").index]
    assert _who(qfin, cueless).kind is SpeakerKind.INTERPRETER
    # "... later this year. Karen." hands the interpretation to her by name.
    karen = _turn(qfin, "Okay, I will do the translation. First, it's about our funding")
    assert _who(qfin, karen).name == "Karen Gee"
    assert karen.interprets == [_turn(qfin, "Because the overall market").index]
    every = {i for t in qfin.turns for i in t.interprets}
    assert all(_who(qfin, qfin.turns[i]).kind is not SpeakerKind.OPERATOR for i in every)


@pytest.mark.seeds
def test_seed_direct_english_answer_is_unnamed_management(qfin: Transcript) -> None:
    buyback = _turn(qfin, "Okay. And regarding the share buyback")
    assert (_who(qfin, buyback).name, _who(qfin, buyback).role) == (None, MANAGEMENT_ROLE)
    emma = _speaker(qfin, "Emma Xu")
    ex = next(e for e in qfin.exchanges if e.asker == emma.id)
    assert ex.answer[-1] == buyback.index and buyback.interprets == []


@pytest.mark.seeds
def test_seed_bridge_and_closing_stay_out_of_exchanges(qfin: Transcript) -> None:
    bridge = _turn(qfin, "OK. Operator, let's take the final question")
    closing = _turn(qfin, "OK, thank you everyone to join us")
    assert not _in_exchange(qfin, bridge) and not _in_exchange(qfin, closing)
    last = qfin.exchanges[-1]
    assert qfin.turns[last.answer[-1]].paragraphs[0].text.startswith(
        "OK, I will do the translation. I want to share")
    assert _who(qfin, qfin.turns[-1]).kind is SpeakerKind.OPERATOR
