"""Machine rendering, interpretation or direct English: the label of each answer and
presentation paragraph, what each interpretation interprets, and who speaks the answers."""

from __future__ import annotations

from reader.core.formats.earningscall.people import MACHINE_ROLE, People
from reader.core.formats.earningscall.restatement import MIN_TOKENS, RESTATE, Restatement
from reader.core.formats.earningscall.units import Label, Slot, Unit
from reader.core.model import SpeakerKind


def label_interpretations(units: list[Unit]) -> None:
    """Within each run of one exchange's answers, or of one presenter's paragraphs, find
    the interpretations and what they interpret."""
    _Labeller(units, Restatement(units)).run()


class _Labeller:
    """Labels the units block by block, comparing them through one `Restatement`."""

    def __init__(self, units: list[Unit], restatement: Restatement) -> None:
        self.units = units
        self.restatement = restatement

    def run(self) -> None:
        """Cut the units into blocks (one exchange's answers, one presenter's paragraphs),
        label each, then link askers' own translations of their questions."""
        block: list[int] = []
        key: tuple[Slot, int | None] | None = None
        for i, unit in enumerate(self.units):
            if unit.slot not in (Slot.ANSWER, Slot.PRESENTER):
                if block:
                    self._label(block)
                block, key = [], None
                continue
            k = (unit.slot, unit.exchange if unit.slot is Slot.ANSWER else unit.speaker)
            if k != key and block:
                self._label(block)
                block = []
            block.append(i)
            key = k
        if block:
            self._label(block)
        self._link_question_translations()

    def _label(self, block: list[int]) -> None:
        pending: list[int] = []  # said, and not yet interpreted
        covered: list[int] = []  # what the interpretation under way renders
        interpreting = False  # the unit before was part of an interpretation
        for pos, i in enumerate(block):
            unit = self.units[i]
            if unit.han:
                pending.append(i)
                interpreting = False
                continue
            rendered: list[int] | None = None
            if unit.cue or (pending and self.units[pending[-1]].han):
                rendered = list(pending)
            elif pending and self.restatement.restates(i, pending[-1:], block):
                rendered = self._rendered_run(i, pending, block)
            if rendered is not None:
                machine = set(rendered)  # a long block can leave thousands pending
                for j in pending:
                    self.units[j].label = Label.MACHINE if j in machine else Label.DIRECT
                unit.label, unit.new_turn, unit.interprets = Label.INTERPRETER, True, rendered
                covered, pending, interpreting = rendered, [], True
                continue
            if interpreting and covered:
                nxt = block[pos + 1] if pos + 1 < len(block) else None
                next_renders = nxt is not None and (
                    self.units[nxt].cue or self.restatement.restates(nxt, [i], block))
                if not next_renders and self.restatement.restates(i, covered, block):
                    unit.label = Label.INTERPRETER  # the interpretation goes on
                    continue
            interpreting = False
            pending.append(i)
        for j in pending:
            self.units[j].label = Label.DIRECT

    def _rendered_run(self, u: int, pending: list[int], block: list[int]) -> list[int]:
        """The units a cue-less interpretation renders: the last one, and those before it
        that it also echoes, or that are too short to judge ("About the take rate.")."""
        run = [pending[-1]]  # gathered backwards
        for j in reversed(pending[:-1]):
            short = len(self.restatement.bags.get(j) or ()) < MIN_TOKENS
            if short or self.restatement.similarity([u], [j]) >= RESTATE / 2:
                run.append(j)
            else:
                break
        run.reverse()
        return run

    def _link_question_translations(self) -> None:
        """An asker's own English version of a question interprets the part before it."""
        for i, unit in enumerate(self.units):
            if unit.slot is not Slot.QUESTION or i == 0:
                continue
            prev = self.units[i - 1]
            if prev.slot is not Slot.QUESTION or prev.exchange != unit.exchange:
                continue
            if unit.cue or prev.han or self.restatement.restates(i, [i - 1], [i - 1]):
                unit.interprets = [i - 1]
                unit.new_turn = True


def assign_answer_speakers(units: list[Unit], people: People) -> None:
    """Machine renderings to the unnamed manager, interpretations to the interpreter,
    direct English to management, unless a hand-off just before names someone."""
    prev: Unit | None = None
    for unit in units:
        if unit.slot is Slot.PRESENTER and unit.label is Label.INTERPRETER:
            unit.speaker = people.draft.speaker_id(None, kind=SpeakerKind.INTERPRETER)
        if unit.slot is not Slot.ANSWER:
            prev = unit
            continue
        same_answer = (prev is not None and prev.slot is Slot.ANSWER
                       and prev.exchange == unit.exchange)
        named = (people.handoff(prev.text, known_only=True)
                 if same_answer and prev is not None else None)
        if named is not None and prev is not None and named != prev.speaker:
            unit.speaker, unit.new_turn = named, True
        elif same_answer and prev is not None and prev.label is unit.label \
                and not unit.new_turn:
            unit.speaker = prev.speaker
        elif unit.label is Label.MACHINE and not unit.han:
            unit.speaker = people.draft.speaker_id(None, role=MACHINE_ROLE,
                                                 kind=SpeakerKind.EXECUTIVE)
        elif unit.label is Label.INTERPRETER:
            unit.speaker = people.draft.speaker_id(None, kind=SpeakerKind.INTERPRETER)
        else:
            unit.speaker = people.management()
        prev = unit
