"""The draft's turns and exchanges, from the settled units."""

from __future__ import annotations

from reader.core.draft import DraftTurn
from reader.core.formats.earningscall.people import People
from reader.core.formats.earningscall.units import Label, Slot, Unit
from reader.core.model import Exchange, SectionKind


def emit(units: list[Unit], people: People) -> None:
    """One turn per run of units with the same speaker, slot, exchange, section and label;
    the exchanges from the question and answer turns."""
    draft = people.draft
    turn_of_unit: dict[int, int] = {}
    turn_units: list[list[int]] = []
    for i, unit in enumerate(units):
        speaker = unit.speaker if unit.speaker is not None else people.management()
        unit.speaker = speaker
        if turn_units:
            last = units[turn_units[-1][-1]]
            same = (last.speaker == speaker and not unit.new_turn
                    and last.slot is unit.slot and last.exchange == unit.exchange
                    and last.section is unit.section and last.label is unit.label)
            if same:
                turn_units[-1].append(i)
                turn_of_unit[i] = len(turn_units) - 1
                continue
        turn_units.append([i])
        turn_of_unit[i] = len(turn_units) - 1
    exchanges: dict[int, Exchange] = {}
    for t, idx in enumerate(turn_units):
        head = units[idx[0]]
        interprets = sorted({turn_of_unit[j] for j in head.interprets})
        decided = bool(head.interprets) or head.label is Label.INTERPRETER
        draft.turns.append(DraftTurn(
            speaker=head.speaker if head.speaker is not None else people.management(),
            spans=[(units[j].start, units[j].end) for j in idx],
            section=head.section,
            interpreted=head.label is Label.INTERPRETER,
            interprets=interprets if decided else None))
        if head.exchange is None or head.slot not in (Slot.QUESTION, Slot.ANSWER):
            continue
        ex = exchanges.get(head.exchange)
        if ex is None:
            asker = head.speaker if head.slot is Slot.QUESTION else None
            ex = exchanges[head.exchange] = Exchange(asker=asker, question=[], answer=[])
        (ex.question if head.slot is Slot.QUESTION else ex.answer).append(t)
    if any(u.section is SectionKind.QA for u in units):
        draft.exchanges = [exchanges[k] for k in sorted(exchanges)]
    else:
        draft.exchanges = []
