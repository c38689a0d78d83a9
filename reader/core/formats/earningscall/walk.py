"""The walk through the call: each paragraph's slot (operator, presenter, question, answer,
bridge, closing), and the speakers of presenters and askers."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from reader.core.formats.earningscall import patterns as pat
from reader.core.formats.earningscall.people import IR_ROLE, MANAGEMENT_ROLE, People
from reader.core.formats.earningscall.units import Slot, Unit
from reader.core.model import SectionKind, SpeakerKind


@dataclass(slots=True)
class _Pending:
    """Who the text says speaks next."""

    speaker: int | None = None


def walk(units: list[Unit], people: People) -> None:
    """Give every paragraph its slot, and presenters and askers their speakers."""
    _Walk(units, people).run()


class _Walk:
    """One pass in reading order; a state machine over the operator's cues (see `run`)."""

    def __init__(self, units: list[Unit], people: People) -> None:
        self.units = units
        self.people = people
        self.draft = people.draft
        self.operator = self.draft.speaker_id(None, kind=SpeakerKind.OPERATOR)

    def run(self) -> None:
        """Presentation until the operator opens the Q&A; then question, asking, answer,
        awaiting the next question, and closing remarks."""
        someone_spoke = False
        in_qa = False
        pending = _Pending()
        current: int | None = None  # presenter speaking now
        asker: int | None = None  # announced, not yet heard
        state = "presentation"  # then: question, asking, answer, awaiting, closing
        exchange = -1
        for k, unit in enumerate(self.units):
            text = unit.text
            if self._is_operator(text):
                unit.slot, unit.speaker = Slot.OPERATOR, self.operator
                current = None
                opens = not in_qa and someone_spoke and bool(pat.QA_OPENING.search(text))
                if opens:
                    in_qa, pending.speaker = True, None
                if not in_qa:
                    handed = self.people.handoff(text)
                    if handed is not None:
                        pending.speaker = handed
                    continue
                unit.section = SectionKind.QA
                announced = pat.ANNOUNCE.search(text)
                name = pat.clean_name(announced.group("name")) if announced else None
                if name and announced is not None:
                    asker = self.draft.speaker_id(
                        name, kind=SpeakerKind.ANALYST,
                        affiliation=pat.clean_firm(announced.group("firm")))
                    state = "question"
                elif opens:
                    state, asker = "question", None
                elif pat.CLOSING_HANDBACK.search(text) or pat.CONCLUDED.search(text):
                    state, asker = "closing", None
                    pending.speaker = self.people.handoff(text)
                elif pat.QA_OPENING.search(text):
                    state, asker = "question", None
                else:
                    state = "awaiting"
                continue
            someone_spoke = True
            if not in_qa:
                current = self._presenter(unit, pending, current)
                continue
            unit.section = SectionKind.QA
            if state == "awaiting":
                if pat.is_questionish(text):
                    state, asker = "question", None
                elif exchange >= 0 and not self._is_closing(k):
                    state = "answer"
                else:
                    state = "closing"
            if state == "question":
                exchange += 1
                self._question(unit, asker)
                unit.exchange = exchange
                state = "asking"
                continue
            if state == "asking":
                if self._continues_question(k):
                    unit.slot, unit.speaker, unit.exchange = (
                        Slot.QUESTION, self.units[k - 1].speaker, exchange)
                    continue
                state = "answer"
            if state == "answer":
                if self._is_bridge(text):
                    unit.slot, unit.speaker, unit.new_turn = Slot.BRIDGE, self.people.management(), True
                    state = "awaiting"
                    continue
                if not self._is_closing(k):
                    unit.slot, unit.exchange = Slot.ANSWER, exchange
                    continue
                state = "closing"
            self._closing(k, pending)

    def _is_operator(self, text: str) -> bool:
        if len(text) > pat.OPERATOR_MAX or pat.THANKS_OPERATOR.search(text[:40]):
            return False
        if pat.ADDRESSES_OPERATOR.search(text):
            return False
        low = text.lower()
        return (any(pattern.search(low) for pattern in pat.OPERATOR_PHRASES)
                or pat.OPERATOR_SHORT.fullmatch(text) is not None)

    def _closing(self, k: int, pending: _Pending) -> None:
        unit = self.units[k]
        unit.slot = Slot.CLOSING
        prev = self.units[k - 1] if k else None
        if pending.speaker is not None:
            unit.speaker = pending.speaker
        elif prev is not None and prev.slot is Slot.CLOSING and prev.speaker is not None:
            unit.speaker = prev.speaker
        else:
            unit.speaker = self.people.management()
        pending.speaker = None
        handed = self.people.handoff(unit.text, known_only=True)
        if handed is not None and handed != unit.speaker:
            pending.speaker = handed

    def _presenter(self, unit: Unit, pending: _Pending, current: int | None) -> int:
        """Presentation: the speaker a hand-off named, else whoever was speaking."""
        text = unit.text
        unit.slot = Slot.PRESENTER
        self.people.read_roster(text)
        thanks = pat.THANKS_NAME.search(text[:80])
        speaker: int
        if pending.speaker is not None:
            speaker = pending.speaker
        elif pat.THANKS_OPERATOR.search(text[:40]) or current is None:
            role = IR_ROLE if pat.IR_CUES.search(text) else MANAGEMENT_ROLE
            speaker = self.draft.speaker_id(None, role=role, kind=SpeakerKind.EXECUTIVE)
        elif thanks and self._names_speaker(thanks.group("name"), current):
            # "Thank you, Haisheng." from someone new, though nobody said who.
            speaker = self.people.management()
        else:
            speaker = current
        pending.speaker = None
        if speaker != current:
            unit.new_turn = True
        unit.speaker = speaker
        handed = self.people.handoff(text)
        if handed is not None and handed != speaker:
            pending.speaker = handed
        return speaker

    def _names_speaker(self, name: str, speaker: int) -> bool:
        who = self.draft.speakers[speaker].name
        if not who:
            return False
        return bool({w.casefold() for w in name.split()} & {w.casefold() for w in who.split()})

    def _question(self, unit: Unit, asker: int | None) -> None:
        unit.slot, unit.new_turn = Slot.QUESTION, True
        if asker is None:
            intro = pat.SELF_INTRO.search(unit.text[:200])
            name = pat.clean_name(intro.group("name")) if intro else None
            asker = self.draft.speaker_id(
                name, kind=SpeakerKind.ANALYST,
                affiliation=pat.clean_firm(intro.group("firm")) if intro and name else None)
        unit.speaker = asker

    def _continues_question(self, k: int) -> bool:
        """A second paragraph of a question: the asker's own English version, or more asking."""
        text = self.units[k].text
        if pat.TRANSLATION.match(text[:120]) and ("?" in text or pat.is_questionish(text)):
            return True
        return ("?" in text and pat.is_questionish(text[:400])
                and not self._is_operator(text))

    def _is_bridge(self, text: str) -> bool:
        if len(text) > pat.BRIDGE_MAX:
            return False
        if pat.NEXT_PLEASE.match(text):
            return True
        return bool(pat.ADDRESSES_OPERATOR.search(text) and pat.BRIDGE.search(text))

    def _is_closing(self, k: int) -> bool:
        """Thanks and goodbyes after the last answer, with only the operator after them."""
        text = self.units[k].text
        if len(text) > pat.CLOSING_MAX or not pat.is_closing_words(text):
            return False
        for later in itertools.islice(self.units, k + 1, None):
            if self._is_operator(later.text):
                return True
            if len(later.text) > pat.CLOSING_MAX or not pat.is_closing_words(later.text):
                return False
        return True
