"""The shared structure pass: from a parser's draft to a finished outline.

Every layout gets the same inference for what its parser left open: each turn's language,
where the Q&A starts, which English turn interprets which Mandarin turn, and the
question-and-answer exchanges.

Source labels are not trusted blindly. A turn whose words are the operator's ("Our next
question comes from the line of ...") acts as an operator turn for sections and exchanges
even under an analyst's header; a turn that starts in the middle of a sentence continues
the turn before it (the second half of a question filed under a manager's name). The
speaker shown stays the one the source gives: the outline corrects structure, not labels.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from reader.core.draft import Draft
from reader.core.model import (
    Exchange,
    Lang,
    Paragraph,
    SectionKind,
    Speaker,
    SpeakerKind,
    Turn,
)
from reader.core.roles import (
    ASKER_ANNOUNCEMENT,
    GO_TO_ANNOUNCEMENT,
    LINE_OF,
    OPERATOR_CUES,
    QA_OPENING,
    TRANSLATION_CUE,
)
from reader.core.textspans import trim

# UTF-8 lead bytes of U+4000..U+9FFF, where nearly all Chinese characters in use live;
# counting bytes is a C-speed way to weigh a paragraph's languages.
_CJK_LEAD_BYTES = tuple(range(0xE4, 0xEA))
_ASCII_LETTERS = bytes(range(ord("A"), ord("Z") + 1)) + bytes(range(ord("a"), ord("z") + 1))

# A minority language below this share of a turn's weight does not make the turn "mixed":
# "好 的 。Thanks Frank, ..." is an English turn.
_MIXED_SHARE = 0.15
# Roughly how many Latin letters carry what one Han character carries.
_LETTERS_PER_HAN = 3.0


def paragraph_lang(text: str) -> tuple[Lang, float]:
    """The language of one paragraph and its weight (in Han-character equivalents)."""
    raw = text.encode("utf-8", "surrogatepass")
    han = sum(raw.count(lead) for lead in _CJK_LEAD_BYTES)
    latin = (len(raw) - len(raw.translate(None, _ASCII_LETTERS))) / _LETTERS_PER_HAN
    if han == 0 and latin == 0:
        return Lang.EN, 0.0
    return (Lang.ZH if han >= latin else Lang.EN), han + latin


def turn_lang(paragraph_texts: list[str]) -> Lang:
    weights = {Lang.ZH: 0.0, Lang.EN: 0.0}
    for text in paragraph_texts:
        lang, weight = paragraph_lang(text)
        weights[lang] += weight
    total = weights[Lang.ZH] + weights[Lang.EN]
    if total == 0:
        return Lang.EN
    zh_share = weights[Lang.ZH] / total
    if zh_share >= 1 - _MIXED_SHARE:
        return Lang.ZH
    if zh_share <= _MIXED_SHARE:
        return Lang.EN
    return Lang.MIXED


@dataclass(slots=True)
class _Cues:
    """What a turn's own words say about its part in the call."""

    operator_like: bool
    announces: tuple[str, str | None] | None  # (asker name, firm)
    continues: bool  # starts mid-sentence: the rest of the previous turn's speech
    translation: bool


_SHORT_TURN = 1500


def _lowercase_only(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The same cue pattern, matched against lower-cased text: many times faster than
    re.IGNORECASE on long alternations (the cue patterns are written in lower case)."""
    return re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)


_OPERATOR_CUES = _lowercase_only(OPERATOR_CUES)
_QA_OPENING = _lowercase_only(QA_OPENING)
_TRANSLATION_CUE = _lowercase_only(TRANSLATION_CUE)
def _is_translation_cue(low: str) -> bool:
    # Every match of the cue holds one of these words: most turns skip the search.
    return ("translat" in low or "interpret" in low) and bool(_TRANSLATION_CUE.search(low))


_MARKER_PREFIX = re.compile(r"^\s*\[(?:interpreted|translated|translation)\]\s*", re.I)


def _cues(turn: Turn) -> _Cues:
    head = turn.paragraphs[0].text
    text = turn.text
    # Operator-like words only matter in short turns; bounding every search keeps the pass
    # linear and cheap on long monologues.
    short = len(text) < _SHORT_TURN
    operator_like = len(text) < 700 and bool(_OPERATOR_CUES.search(text.lower()))
    announce = (ASKER_ANNOUNCEMENT.search(text) or LINE_OF.search(text)
                # The looser "We'll go to Jane with ABC" only where operator cues stand.
                or (GO_TO_ANNOUNCEMENT.search(text) if operator_like else None)
                ) if short else None
    announces = (announce.group("name"), announce.group("firm")) if announce else None
    first = _MARKER_PREFIX.sub("", head).lstrip("\"'“‘([ ")
    continues = bool(first) and first[0].islower() and not first.startswith(("i ", "iPhone"))
    return _Cues(
        # Operator turns are short; a long turn quoting "please go ahead" is not one.
        operator_like=operator_like,
        announces=announces,
        continues=continues,
        translation=_is_translation_cue(head[:200].lower()),
    )


def finish(text: str, draft: Draft) -> tuple[list[Speaker], list[Turn], list[Exchange]]:
    """Complete a draft into speakers, turns and exchanges (see the module docstring)."""
    speakers = [Speaker(i, s.name, s.role, s.kind, s.affiliation)
                for i, s in enumerate(draft.speakers)]
    turns, remap = _build_turns(text, draft)
    cues = [_cues(t) for t in turns]
    _operators_by_behaviour(turns, speakers, cues)
    _askers_from_announcements(turns, speakers, cues)
    _presenters_read_as_analysts(turns, speakers, cues)
    _assign_sections(turns, speakers, cues)
    _presenters_and_answerers(turns, speakers, cues)
    _link_interpretations(draft, turns, speakers, cues, remap)
    _voices(turns, speakers)
    if draft.exchanges is not None:
        # Parsers number turns as drafted; turns that trimmed to nothing are gone.
        exchanges = [Exchange(e.asker, [remap[i] for i in e.question if i in remap],
                              [remap[i] for i in e.answer if i in remap])
                     for e in draft.exchanges]
        exchanges = [e for e in exchanges if e.question]
    else:
        exchanges = _build_exchanges(turns, speakers, cues)
    _fill_affiliations(turns, speakers, cues, exchanges)
    speakers, turns, exchanges = _drop_unused_speakers(speakers, turns, exchanges)
    return speakers, turns, exchanges


def _build_turns(text: str, draft: Draft) -> tuple[list[Turn], dict[int, int]]:
    turns: list[Turn] = []
    remap: dict[int, int] = {}
    for draft_index, dt in enumerate(draft.turns):
        paras: list[Paragraph] = []
        for start, end in dt.spans:
            s, e = trim(text, start, end)
            time = None
            stamp = _TIMESTAMP.match(text, s, e)
            if stamp is not None:
                time = (_seconds(stamp.group("start")),
                        _seconds(stamp.group("end")) if stamp.group("end") else None)
                s = stamp.end()
            if s < e:
                paras.append(Paragraph(s, e, text[s:e], time))
        if not paras:
            continue
        remap[draft_index] = len(turns)
        turns.append(Turn(
            index=len(turns), speaker=dt.speaker,
            section=dt.section or SectionKind.PRESENTATION,
            paragraphs=paras, lang=turn_lang([p.text for p in paras]),
            interpreted=dt.interpreted, speaks_for=dt.speaks_for))
    for draft_index, dt in enumerate(draft.turns):
        if draft_index in remap and dt.interprets is not None:
            turns[remap[draft_index]].interprets = sorted(
                remap[i] for i in dt.interprets if i in remap)
    return turns, remap


_CLOCK = r"(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?"
_TIMESTAMP = re.compile(rf"\[(?P<start>{_CLOCK})(?:\s*(?:-->|–|-)\s*(?P<end>{_CLOCK}))?\][ \t]*")
"""A paragraph's leading time stamp, as the document front ends write it (and as many
speech-to-text exports do): `[00:01:23.500 --> 00:01:30.000] ` or `[01:23] `."""


def _seconds(clock: str) -> float:
    parts = clock.replace(",", ".").split(":")
    total = 0.0
    for part in parts:
        total = total * 60 + float(part)
    return total


def _acts_as_operator(turn: Turn, speakers: list[Speaker], cue: _Cues) -> bool:
    kind = speakers[turn.speaker].kind
    if kind is SpeakerKind.OPERATOR:
        return True
    return cue.operator_like and (cue.announces is not None or kind is not SpeakerKind.EXECUTIVE)


def _assign_sections(turns: list[Turn], speakers: list[Speaker], cues: list[_Cues]) -> None:
    """Q&A starts at the operator's question instructions after someone else has spoken,
    or at the first analyst turn, whichever comes first. Parser-set sections stand."""
    # The draft marks undecided turns as PRESENTATION; summary and explicit Q&A come from
    # parsers that saw a heading. If a parser already placed a Q&A turn, trust it.
    if any(t.section is SectionKind.QA for t in turns):
        return
    qa_start: int | None = None
    someone_else_spoke = False
    for turn, cue in zip(turns, cues, strict=True):
        if turn.section is SectionKind.SUMMARY:
            continue
        kind = speakers[turn.speaker].kind
        operator = _acts_as_operator(turn, speakers, cue)
        if operator and someone_else_spoke and (
                cue.announces or _QA_OPENING.search(turn.text[:_SHORT_TURN].lower())):
            qa_start = turn.index
            break
        if kind is SpeakerKind.ANALYST and not operator and not cue.continues:
            qa_start = turn.index
            break
        if not operator:
            someone_else_spoke = True
    if qa_start is None:
        return
    for turn in turns[qa_start:]:
        if turn.section is not SectionKind.SUMMARY:
            turn.section = SectionKind.QA


_OFFICER_ROLE = re.compile(
    r"\b(?:chief|ceo|cfo|coo|president|chair(?:man|woman)?|founder|investor relations|"
    r"treasurer|controller|general counsel)\b|首席|总裁|總裁|董事长|董事長|投资者关系|投資者關係",
    re.I)


def _operators_by_behaviour(turns: list[Turn], speakers: list[Speaker],
                            cues: list[_Cues]) -> None:
    """A named speaker of no known part who announces questioners at least twice runs the
    call: the operator ("Eric:" on a page that names the operator)."""
    announcing: dict[int, int] = {}
    for turn, cue in zip(turns, cues, strict=True):
        if (cue.announces is not None and cue.operator_like
                and turn.section is not SectionKind.SUMMARY):
            announcing[turn.speaker] = announcing.get(turn.speaker, 0) + 1
    for sid, count in announcing.items():
        if count >= 2 and speakers[sid].kind is SpeakerKind.UNKNOWN:
            speakers[sid].kind = SpeakerKind.OPERATOR


def _askers_from_announcements(turns: list[Turn], speakers: list[Speaker],
                               cues: list[_Cues]) -> None:
    """Whoever speaks after the operator gives the floor to a questioner is an analyst,
    whatever their title sounds like ("VP of Equity Research", "Director"), unless the
    source lists them as an officer of the company."""
    for k, cue in enumerate(cues):
        if (cue.announces is None or turns[k].section is SectionKind.SUMMARY
                or not _acts_as_operator(turns[k], speakers, cue)):
            continue
        name, firm = cue.announces
        for turn in turns[k + 1:k + 3]:
            sp = speakers[turn.speaker]
            if (_acts_as_operator(turn, speakers, cues[turn.index])
                    or turn.speaker == turns[k].speaker):
                continue
            if sp.name is None:
                if sp.kind in (SpeakerKind.ANALYST, SpeakerKind.UNKNOWN) and sp.role:
                    _name_from_announcement(turns, speakers, cues, turn.index, name, firm)
                break
            agrees = _names_agree(name, sp.name)
            if sp.kind is SpeakerKind.UNKNOWN or (
                    agrees and sp.kind is SpeakerKind.EXECUTIVE
                    and not _OFFICER_ROLE.search(sp.role or "")):
                sp.kind = SpeakerKind.ANALYST
                if agrees and firm and not sp.affiliation:
                    sp.affiliation = firm
            break


_PRESENTER_CHARS = 600


def _presenters_read_as_analysts(turns: list[Turn], speakers: list[Speaker],
                                 cues: list[_Cues]) -> None:
    """A speaker whose firm's name sounded like an analyst's ("Cullen/Frost Bankers") but
    who gives prepared remarks before any question is taken speaks for the company."""
    end = next((t.index for t, c in zip(turns, cues, strict=True)
                if t.section is SectionKind.QA or (
                    c.announces and _acts_as_operator(t, speakers, c))), len(turns))
    for turn in turns[:end]:
        sp = speakers[turn.speaker]
        if (sp.kind is SpeakerKind.ANALYST and turn.section is not SectionKind.SUMMARY
                and turn.end - turn.start >= _PRESENTER_CHARS
                and (not re.search(r"analyst|research|分析", sp.role or "", re.I)
                     or _OFFICER_ROLE.search(sp.affiliation or ""))):
            sp.kind = SpeakerKind.EXECUTIVE


def _name_from_announcement(turns: list[Turn], speakers: list[Speaker], cues: list[_Cues],
                             first: int, name: str, firm: str | None) -> None:
    """An asker the source labels only "Analyst" takes the name the operator announced,
    for the turns they speak until the operator next takes the floor."""
    unnamed = turns[first].speaker
    asker = next((s.id for s in speakers if s.name and _names_agree(s.name, name)
                  and s.kind in (SpeakerKind.ANALYST, SpeakerKind.UNKNOWN)), None)
    if asker is None:
        asker = len(speakers)
        speakers.append(Speaker(asker, name, speakers[unnamed].role, SpeakerKind.ANALYST,
                                firm))
    speakers[asker].kind = SpeakerKind.ANALYST
    for turn in turns[first:]:
        if _acts_as_operator(turn, speakers, cues[turn.index]):
            break
        if turn.speaker == unnamed:
            turn.speaker = asker
        if turn.speaks_for == unnamed:
            turn.speaks_for = asker


def _presenters_and_answerers(turns: list[Turn], speakers: list[Speaker],
                              cues: list[_Cues]) -> None:
    """A named speaker nobody introduced as a questioner, who gives prepared remarks or
    answers an analyst, speaks for the company."""
    after_question = False
    for turn, cue in zip(turns, cues, strict=True):
        if turn.section is SectionKind.SUMMARY:
            continue
        sp = speakers[turn.speaker]
        operator = _acts_as_operator(turn, speakers, cue)
        if (sp.kind is SpeakerKind.UNKNOWN and sp.name is not None and not operator
                and turn.section is SectionKind.QA and "?" in turn.text
                and (not after_question or sp.affiliation)):
            # Asks in the Q&A: opening an exchange, or from a firm of their own
            # ("Giulia Miotto (Morgan Stanley)").
            sp.kind = SpeakerKind.ANALYST
        if (sp.kind is SpeakerKind.UNKNOWN and sp.name is not None and not operator
                and (turn.section is SectionKind.PRESENTATION or after_question)):
            sp.kind = SpeakerKind.EXECUTIVE
        if turn.section is SectionKind.QA:
            after_question = sp.kind is SpeakerKind.ANALYST or (after_question and not operator)


def _link_interpretations(draft: Draft, turns: list[Turn], speakers: list[Speaker],
                          cues: list[_Cues], remap: dict[int, int]) -> None:
    """An English turn by someone who interprets, or that says it is a translation,
    interprets the run of Mandarin turns just before it.

    A speaker counts as interpreting when they are labelled interpreter, or when at least
    two of their English turns follow someone else's Mandarin turn: an IR director who
    interprets for the CEO does it all call long, while a CFO answering after the CEO
    hands over does it once.
    """
    decided = {remap[i] for i, dt in enumerate(draft.turns)
               if i in remap and dt.interprets is not None}
    original = [t.lang is Lang.ZH or _foreign_placeholder(t) for t in turns]
    follows_zh: dict[int, int] = {}
    for prev, turn in itertools.pairwise(turns):
        if (turn.lang is Lang.EN and original[prev.index] and not original[turn.index]
                and prev.speaker != turn.speaker):
            follows_zh[turn.speaker] = follows_zh.get(turn.speaker, 0) + 1
    interpreters = {sid for sid, n in follows_zh.items()
                    if n >= 2 and speakers[sid].kind is not SpeakerKind.OPERATOR}
    interpreters |= {s.id for s in speakers if s.kind is SpeakerKind.INTERPRETER}

    for turn, cue in zip(turns, cues, strict=True):
        if (turn.index in decided or turn.lang is not Lang.EN or turn.index == 0
                or original[turn.index]):
            continue
        voiced = _voiced_speaker(turn, speakers)
        if turn.speaker not in interpreters and not cue.translation and voiced is None:
            continue
        if _acts_as_operator(turn, speakers, cue) and not cue.translation:
            continue
        run: list[int] = []
        j = turn.index - 1
        while (j >= 0 and original[j] and turns[j].speaker != turn.speaker
               and not _acts_as_operator(turns[j], speakers, cues[j])):
            run.append(j)
            j -= 1
        if not run and cue.translation and not _translates_itself(turn):
            run = _deferred_original(turn, turns, original)
        if run and (voiced is None or any(turns[i].speaker == voiced for i in run)):
            turn.interprets = sorted(run)


_FOREIGN_MARK = re.compile(
    r"[\[(（【]\s*(?:foreign language|foreign speech|non-english|speaks? in (?:chinese|mandarin|"
    r"cantonese|a foreign language)|in (?:chinese|mandarin|cantonese)|chinese|mandarin|"
    r"speaking (?:chinese|mandarin))\s*[\])）】]", re.I)


_DEFERRED_REACH = 8


def _translates_itself(turn: Turn) -> bool:
    """"[Foreign Language] I will translate myself": a speaker rendering their own words."""
    head = turn.paragraphs[0].text[:300]
    return bool(_FOREIGN_MARK.search(head)) or "myself" in head.lower()


def _deferred_original(turn: Turn, turns: list[Turn], original: list[bool]) -> list[int]:
    """A translation given later ("Let me now translate Mr. Zhou's answer") renders the
    nearest run of Mandarin turns by someone else within the last few turns."""
    j = turn.index - 1
    while j >= max(0, turn.index - _DEFERRED_REACH) and not (
            original[j] and turns[j].speaker != turn.speaker):
        j -= 1
    run: list[int] = []
    while j >= 0 and original[j] and turns[j].speaker != turn.speaker:
        run.append(j)
        j -= 1
    return run


def _foreign_placeholder(turn: Turn) -> bool:
    """A turn that is only a note that speech in another language was left out
    ("[Foreign Language]"): the original an interpretation after it renders."""
    text = turn.text
    return len(text) < 80 and _FOREIGN_MARK.fullmatch(text.strip()) is not None


_VOICE_CLAIM = re.compile(r"^\W{0,3}(?:\[[^\]]{1,30}\]\s*)?(?:this is|i am|i'm)\s+"
                          r"(?:mr\.?\s+|ms\.?\s+|mrs\.?\s+)?(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
                          r"(?=[.,;]|\s+(?:speaking|here)\b)")


def _voiced_speaker(turn: Turn, speakers: list[Speaker]) -> int | None:
    """An interpreter who opens with another speaker's name ("This is Zhou Wei. Thank you
    all...") voices that speaker."""
    m = _VOICE_CLAIM.match(turn.paragraphs[0].text)
    if m is None:
        return None
    for s in speakers:
        if s.id != turn.speaker and s.name and _names_agree(m.group("name"), s.name) and (
                s.kind is not SpeakerKind.ANALYST):
            return s.id
    return None


def _voices(turns: list[Turn], speakers: list[Speaker]) -> None:
    """On whose behalf each interpretation speaks: the speaker of the turns it renders,
    or, for a turn the source marks `[Interpreted]` under a manager's name, that manager."""
    for turn in turns:
        if turn.speaks_for is not None:
            continue
        if turn.interprets:
            voiced = {turns[i].speaker for i in turn.interprets}
            if len(voiced) == 1:
                turn.speaks_for = voiced.pop()
        elif turn.interpreted and speakers[turn.speaker].kind is SpeakerKind.EXECUTIVE:
            turn.speaks_for = turn.speaker


def _build_exchanges(turns: list[Turn], speakers: list[Speaker],
                     cues: list[_Cues]) -> list[Exchange]:
    """Walk the Q&A: an analyst's question turns, then the answers up to the next question.

    Operator turns close an exchange and belong to none. A turn that interprets or
    continues the question stays in the question whoever the source says spoke it.
    """
    exchanges: list[Exchange] = []
    current: Exchange | None = None
    answering = False
    for turn, cue in zip(turns, cues, strict=True):
        if turn.section is not SectionKind.QA:
            continue
        kind = speakers[turn.speaker].kind
        if _acts_as_operator(turn, speakers, cue):
            current, answering = None, False
            continue
        in_question = current is not None and not answering
        part_of_question = in_question and current is not None and (
            cue.continues
            or any(i in current.question for i in turn.interprets)
            or (turn.speaker == current.asker and kind is SpeakerKind.ANALYST))
        if part_of_question and current is not None:
            current.question.append(turn.index)
            continue
        if kind is SpeakerKind.ANALYST:
            current = Exchange(asker=turn.speaker, question=[turn.index], answer=[])
            exchanges.append(current)
            answering = False
            continue
        if current is not None:
            current.answer.append(turn.index)
            answering = True
    return exchanges


def _fill_affiliations(turns: list[Turn], speakers: list[Speaker], cues: list[_Cues],
                       exchanges: list[Exchange]) -> None:
    """Take an asker's firm from the announcement before the question, or the asker's own
    introduction ("This is Frank from Credit Suisse"), when the source gives none."""
    for ex in exchanges:
        if ex.asker is None or speakers[ex.asker].affiliation:
            continue
        asker = speakers[ex.asker]
        first = ex.question[0]
        firm: str | None = None
        announced = cues[first - 1].announces if first > 0 else None
        if announced is not None:
            name, firm = announced
            if asker.name and not _names_agree(name, asker.name):
                firm = None
        if firm is None:
            for idx in ex.question:
                m = _SELF_INTRO.search(turns[idx].text)
                if m and (asker.name is None or _names_agree(m.group("name"), asker.name)):
                    firm = m.group("firm")
                    break
        if firm:
            asker.affiliation = firm


_SELF_INTRO = re.compile(
    r"\b(?:this is|I'm|I am|it's)\s+(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+"
    r"(?:from|with|of|at)\s+"
    r"(?P<firm>[A-Z][\w&'\-]*(?:\s+(?:[A-Z][\w&'\-]*|of|&))*)")


def _names_agree(a: str, b: str) -> bool:
    """Whether two renderings of a name share a word ("Alex Ye" / "Xiaoxiong Ye", "Frank")."""
    wa = {w.casefold().strip(".") for w in a.split()}
    wb = {w.casefold().strip(".") for w in b.split()}
    return bool(wa & wb)


def _drop_unused_speakers(speakers: list[Speaker], turns: list[Turn], exchanges: list[Exchange]
                          ) -> tuple[list[Speaker], list[Turn], list[Exchange]]:
    """Renumber speakers densely, keeping only those who speak or ask."""
    used = sorted({t.speaker for t in turns} | {e.asker for e in exchanges if e.asker is not None}
                  | {t.speaks_for for t in turns if t.speaks_for is not None})
    if used == list(range(len(speakers))):
        return speakers, turns, exchanges
    new_id = {old: new for new, old in enumerate(used)}
    kept = []
    for old in used:
        s = speakers[old]
        kept.append(Speaker(new_id[old], s.name, s.role, s.kind, s.affiliation))
    for t in turns:
        t.speaker = new_id[t.speaker]
        if t.speaks_for is not None:
            t.speaks_for = new_id.get(t.speaks_for)
    for e in exchanges:
        if e.asker is not None:
            e.asker = new_id[e.asker]
    return kept, turns, exchanges
