"""The outline says what it is unsure of, on invented calls built to mislead it."""

from __future__ import annotations

from reader.core.pipeline import parse_text

ANSWER = "We expect margins to hold as the new plant ramps through the year. " * 12


def _call(question_block: str) -> str:
    turns = ["Operator (participant)\nGood morning and welcome to the Quillfeather call."]
    for n in range(1, 7):
        turns.append(f"Operator (participant)\nOur next question comes from Asker {n}son "
                     f"of Bank {n}.")
        turns.append(f"Asker {n}son (Analyst)\nHow is demand in region {n}?")
        turns.append(f"Mara Lindqvist (Chief Executive Officer)\nDemand in region {n} is steady.")
    turns.append(question_block)
    return "\n\n".join(turns) + "\n"


def test_an_answer_swallowed_by_a_question_is_doubted() -> None:
    # The answer's header runs on from the question with no blank line, so it is read as
    # the rest of the question.
    block = ("Operator (participant)\nOur next question comes from Ivo Marsh of Crestline.\n\n"
             "Ivo Marsh (Analyst)\nCould you talk about margins?\nMara Lindqvist\n"
             + "\n".join([ANSWER] * 4))
    t = parse_text(_call(block))
    long = [d for d in t.doubts if d.kind == "long_turn"]
    assert long and t.speaker_of(t.turns[long[0].turn]).name == "Ivo Marsh"
    named = [d for d in t.doubts if d.kind == "name_in_turn"]
    assert named and named[0].turn == long[0].turn and "Mara Lindqvist" in named[0].message


def test_a_clean_call_has_no_doubts() -> None:
    block = ("Operator (participant)\nOur next question comes from Ivo Marsh of Crestline.\n\n"
             "Ivo Marsh (Analyst)\nCould you talk about margins?\n\n"
             "Mara Lindqvist (Chief Executive Officer)\n" + ANSWER)
    assert parse_text(_call(block)).doubts == []


def test_a_listed_participant_who_never_speaks() -> None:
    text = ("Corporate Participants\n\nMara Lindqvist - Chief Executive Officer\n"
            "Tobias Renn - Chief Financial Officer\n\nPresentation\n\n"
            "Mara Lindqvist - Chief Executive Officer\nThanks for joining. Revenue rose 8%.\n")
    doubts = parse_text(text).doubts
    assert [d.kind for d in doubts] == ["silent_participant"]
    assert "Tobias Renn" in doubts[0].message and doubts[0].turn is None


def test_no_structure_says_so() -> None:
    t = parse_text("Revenue rose.\nMargins held.\nWe expect more.\n")
    assert [d.kind for d in t.doubts] == ["no_structure"]
