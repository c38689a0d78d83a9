"""The EarningsCall-style layout: a disclaimer, company and date lines, then unlabelled paragraphs.

The site saves a call as one paragraph per line and names no speaker at all, so who speaks
is read from what is said:

- the operator's phrases (welcome, listen-only, "press star 1", "This question is from the
  line of Emma Xu from Bank of America", "That does conclude the conference");
- hand-offs that name the next speaker ("I'd like to turn the conference call over to
  Ms. Karen Gee, Senior Director of Capital Markets", "I will now turn the call over to
  Alex Xu"), with roles from the introductions ("Mr. Alex Xu, our CFO");
- "Okay, I will do the translation", which opens an interpreter's English version.

Mandarin answers reach the file twice: the site's own rough machine translation, then the
interpreter's English. The interpreter does not always announce it, so a paragraph that
restates the one before it (shared figures and uncommon words, similar length) is read as
its interpretation. Nobody is named unless the text names them: machine-rendered answers
belong to an unnamed manager, interpretations to an unnamed interpreter, direct English
answers, hand-backs to the operator and closing remarks to unnamed management. Inside the
Q&A a manager can still name who goes next, but only someone the call has introduced:
"I'll let Peter take the buyback", "Rahul, over to you", or a rendering that ends on a
bare name ("... later this year. Karen.") before the interpretation.

The period comes from a vote of the sentences that name the call (the operator's welcome
counts double), because the site's speech recognition garbles it ("third quarter" in a
first-quarter call).

Two choices a reader may meet: a manager's "Operator, let's take the final question" is a
bridge, not an answer, so it belongs to no exchange; and closing remarks ("thank you
everyone for joining ... if you have additional questions") answer no question, so they
stay out of the last exchange. The parser builds the exchanges itself for that reason.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import Enum

from reader.core.draft import Draft, DraftTurn
from reader.core.metadata import find_ticker, normalize_period, parse_date
from reader.core.model import Exchange, SectionKind, SpeakerKind
from reader.core.roles import kind_from_role
from reader.core.textspans import Line

MACHINE_ROLE = "Management (machine translation)"
"""Role of the unnamed speaker of the site's machine-translated Mandarin answers."""
MANAGEMENT_ROLE = "Management"
"""Role of an unnamed manager speaking English (answers, hand-backs, closing remarks)."""
IR_ROLE = "Investor Relations"

# --- header and detection ----------------------------------------------------------------

_EDGE = " \t\r\n\u3000\xa0\ufeff\u200b"
_LINE = re.compile(r"[^\n]+")
_HEAD_WINDOW = 5000
_DISCLAIMER_WINDOW = 2000
_GENERATED = re.compile(
    r"(?:computer|machine|automatically|auto|ai)[- ]?(?:generated|produced|transcribed|created)|"
    r"speech[- ]recognition|generated (?:automatically|by (?:a )?(?:computer|software|machine))",
    re.I)
_CAVEAT = re.compile(
    r"\berrors?\b|\bmistakes?\b|\binaccura|\baccuracy\b|undue reliance|information purposes", re.I)
_DATE_ONLY = re.compile(r"\d{1,2}/\d{1,2}/(?:19|20)\d\d|(?:19|20)\d\d-\d{1,2}-\d{1,2}")
_SENTENCE_END_CHARS = ".?!。？！…\"'”’)"
_NAME_PREFIX = re.compile(r"[A-Z][\w.'\- ]{0,40}:\s")  # "Operator: Good morning"
_LEGAL_SUFFIX = re.compile(
    r"[\s,]+(?:inc|incorporated|ltd|limited|corp|corporation|co|plc|llc|n\.\s?v|s\.\s?a|ag)\.?$",
    re.I)

# --- cues in the call ----------------------------------------------------------------------

_THANKS_OPERATOR = re.compile(
    r"^\W{0,3}(?:thank you|thanks)(?: very much)?,?\s{1,3}(?:the\s{1,3})?operator\b", re.I)
# Someone speaking *to* the operator is not the operator ("Operator, let's take ...").
_ADDRESSES_OPERATOR = re.compile(r"(?:^|[.!?,;]\s{0,3})Operator\s{0,3}[,.!]|,\s{0,3}operator\b")
_OPERATOR_MAX = 1500
# The operator's phrases, matched on lower-cased text.
_OPERATOR_PHRASES: tuple[re.Pattern[str], ...] = (
    re.compile(r"thank you for standing by"),
    re.compile(r"listen[- ]only"),
    re.compile(r"press (?:star|\*)"),
    re.compile(r"\bstar (?:1|one)\b"),
    re.compile(r"from the line of"),
    re.compile(r"operator instructions"),
    # Not just "question", which every asker says.
    re.compile(
        r"(?:next|first|final|last|following) question (?:is |comes |will come )?(?:from|with)\b|"
        r"(?:we(?:'ll| will)|we(?:'re| are) going to|i(?:'ll| will)) (?:now )?take (?:our|the) "
        r"(?:next|first|final|last) question|no (?:further|more) questions"),
    re.compile(
        r"conclude[sd]? (?:the|our|today'?s|this) (?:conference|call|question)|"
        r"concludes? today'?s"),
    re.compile(r"you may (?:now )?disconnect"),
    re.compile(r"(?:turn|hand) the conference(?: call)? (?:over|back)"),
    re.compile(
        r"(?:turn|hand) (?:the (?:conference |call )?|it )?back (?:over )?to (?:the )?management"),
)
_OPERATOR_SHORT = re.compile(r"(?:please stand by|one moment,? please|one moment)\W{0,3}", re.I)
_QA_OPENING = re.compile(
    r"ask (?:a|your) question|press (?:star|\*)|\bstar (?:1|one)\b|question[- ]and[- ]answer|"
    r"(?:first|next|final|last) question|from the line of|"
    r"open (?:up )?the (?:call|line|lines|floor) (?:up )?(?:to|for) questions", re.I)
_CLOSING_HANDBACK = re.compile(
    r"closing (?:remarks|comments)|(?:turn|hand) (?:the (?:conference |call )?|it )?"
    r"back (?:over )?to (?:the )?management", re.I)
_CONCLUDED = re.compile(r"conclude[sd]?|you may (?:now )?disconnect", re.I)

_TITLE = r"(?:(?:Mr|Ms|Mrs|Miss|Mx|Dr|Prof)\.?\s{1,3})"
_NAME_WORD = r"[A-Z][a-z'’\-]{1,20}"
_NAME = rf"{_NAME_WORD}(?:\s{{1,3}}{_NAME_WORD}){{0,3}}"
_FIRM_WORD = r"(?:[A-Z][\w&'’\-]{0,30}|&)"
_FIRM = rf"{_FIRM_WORD}(?:\s{{1,3}}(?:{_FIRM_WORD}|of|and|de|du)){{0,7}}"
_ANNOUNCE = re.compile(
    rf"(?:from the line of|question (?:is |comes |will come )?(?:from|with))\s{{1,3}}"
    rf"(?:the line of\s{{1,3}})?{_TITLE}?(?P<name>{_NAME})"
    rf"(?:\s{{0,3}}(?:,|from|of|with|at)\s{{1,3}}(?P<firm>{_FIRM}))?")
_SELF_INTRO = re.compile(
    rf"^\W{{0,3}}(?:(?:hi|hello|good (?:morning|afternoon|evening))\b[^.!?]{{0,40}}[.,!]\s{{0,3}})?"
    rf"(?:this is|I'm|I am|it's)\s{{1,3}}(?P<name>{_NAME})\s{{1,3}}(?:from|with|of|at)\s{{1,3}}"
    rf"(?P<firm>{_FIRM})", re.I)

_ROLE_WORD = r"(?:[A-Z][\w&\-]{0,30}|of|and|for|the|&)"
_ROLE = rf"[A-Z][\w&\-]{{0,30}}(?:\s{{1,3}}{_ROLE_WORD}){{0,7}}"
# "... turn the call over to Ms. Karen Gee, Senior Director of Capital Markets."
# "... hand it over to our CFO, Mr. Alex Xu." / "... turn the call over to our CEO."
# A bare "turn to" is not a hand-off ("let's turn to the outlook").
_HANDOFF_OBJECT = (r"(?:the\s{1,3})?(?:conference(?:\s{1,3}call)?|call|floor|line|mic|microphone)|"
                   r"it|things")
_HANDOFF = re.compile(
    rf"\b(?:turn|hand|pass)(?:ing)?\s{{1,3}}(?:(?:{_HANDOFF_OBJECT})\s{{1,3}}(?:back\s{{1,3}})?"
    rf"(?:over\s{{1,3}})?|(?:back\s{{1,3}})?over\s{{1,3}})to\s{{1,3}}"
    rf"(?:your\s{{1,3}}(?:host|speaker|presenter)s?(?:\s{{1,3}}today)?\s{{0,3}},?\s{{1,3}})?"
    rf"(?:(?:our|the company's)\s{{1,3}}(?P<role1>{_ROLE})(?:\s{{0,3}},\s{{0,3}})?)?"
    rf"(?:{_TITLE}?(?P<name>{_NAME})(?:\s{{0,3}},\s{{0,3}}(?:our\s{{1,3}})?(?P<role2>{_ROLE}))?)?")
# "Rahul, over to you." / "Laura, please go ahead."
_OVER_TO_YOU = re.compile(
    rf"(?:^|[.!?]\s{{1,3}})(?P<name>{_NAME_WORD}(?:\s{{1,3}}{_NAME_WORD})?)\s{{0,3}},\s{{0,3}}"
    r"(?:over to you|the floor is yours|please go ahead|please take (?:it|this|that))\b")
_LET_ANSWER = re.compile(
    rf"\blet\s{{1,3}}(?:our\s{{1,3}}(?:[A-Z]{{2,4}}\s{{0,3}},?\s{{0,3}}))?{_TITLE}?(?P<name>{_NAME})\s{{1,3}}"
    r"(?:answer|take|address|add|comment|respond)")
_NOT_A_NAME = frozenset(
    {"operator", "management", "the", "our", "you", "everyone", "all", "him", "her", "them",
     "me", "us", "q", "questions", "question", "thank", "thanks", "okay", "ok", "so", "and",
     "please", "now", "with", "that", "this", "i", "we", "ladies", "gentlemen", "hello",
     "good", "yes", "well", "first", "second", "next", "final"})
_ROSTER_GATE = ("joining", "joined", "with me", "with us", "today are", "on the call", "present")
_ROSTER_NAME_ROLE = re.compile(
    rf"{_TITLE}?(?P<name>{_NAME}),\s{{1,3}}(?:our|the company's)\s{{1,3}}(?P<role>{_ROLE})")
_ROSTER_ROLE_NAME = re.compile(
    rf"\bour\s{{1,3}}(?P<role>{_ROLE}),\s{{1,3}}{_TITLE}?(?P<name>{_NAME})")
# A name-then-role entry ends its name at one of these; the name starts within _NAME_REACH
# before it ("Prof." and three spaces, then four words of 21 letters with three spaces).
_ROSTER_ANCHOR = re.compile(r",\s{1,3}(?:our|the company's)")
_NAME_REACH = 8 + 4 * 21 + 3 * 3
_CAPITAL = re.compile(r"[A-Z]")
_THANKS_NAME = re.compile(
    rf"^\W{{0,3}}(?:thank you|thanks)(?: very much)?,\s{{1,3}}(?P<name>{_NAME})\b")
_VOCATIVE_END = re.compile(rf"(?:^|[.!?]\s{{1,3}})(?P<name>{_NAME_WORD}(?:\s{{1,3}}{_NAME_WORD})?)"
                           r"\s{0,3}[.!?]?\s{0,3}$")
_IR_CUES = re.compile(r"safe harbou?r|forward[- ]looking|non-gaap|earnings release", re.I)

# "Okay, I will do the translation." / "I will simply translate it." / "Let me translate."
_TRANSLATION = re.compile(
    r"(?:(?:okay|ok|so|then|now|and|alright|all right|well)[,.]?\s{1,3}){0,2}"
    r"(?:i(?:'ll| will| would| am going to|'m going to| can)|let me)\s{1,3}"
    r"(?:(?:now|just|simply|quickly|briefly|also|first)\s{1,3}){0,2}"
    r"(?:do (?:the|a|my|some) (?:quick |simple |brief )?(?:translation|interpretation)|"
    r"translate\b|interpret\b|give (?:the|a|you the|you a) (?:quick |brief )?translation)",
    re.I)
# The same cue where a sentence (or a clause: "..., Then I will do the translation.") starts.
_TRANSLATION_INSIDE = re.compile(
    r"(?:^|(?<=[.!?,;:]))\s{0,3}(?P<cue>" + _TRANSLATION.pattern + ")", re.I)

_QUESTIONISH = re.compile(
    r"\bmy (?:first |second |third |last |final |follow-up |followup |next )?question\b|"
    r"\bI have (?:two|three|a few|one|a couple of|\w+) (?:follow-up |quick )?questions?\b|"
    r"\bI(?:'d| would) like to ask\b|\bwondering\b|\b(?:could|can|would) you (?:please )?"
    r"(?:share|give|elaborate|comment|provide|help|talk|explain|update)", re.I)
_BRIDGE = re.compile(r"question|move on|go ahead", re.I)
_NEXT_PLEASE = re.compile(r"^\W{0,3}(?:ok(?:ay)?[,.]?\s{1,3})?(?:next question|next one),?\s{0,3}"
                          r"(?:please)?\W{0,3}$", re.I)
_BRIDGE_MAX = 300
_CLOSING = re.compile(
    r"thank you (?:all |everyone |again |very much )?(?:for|to) (?:joining|join|participating|"
    r"your (?:time|participation|interest|support|attention))|"
    r"if you have (?:any )?(?:additional|further|more|other|follow-up) questions|"
    r"contact (?:us|our (?:ir|investor relations))|look forward to (?:speaking|talking|seeing|"
    r"meeting|updating|connecting)|closing remarks", re.I)
_CLOSING_MAX = 800

_PERIOD_SENTENCE = re.compile(
    r"welcome|earnings (?:conference )?call|conference call|results (?:conference )?call|"
    r"earnings release", re.I)
_YEARLESS_QUARTER = re.compile(r"\b(first|second|third|fourth)[\s-]+quarter\b|\bQ([1-4])\b", re.I)
# "fourth quarter and full year 2023": a results call for the quarter (as sites file it).
_QUARTER_AND_YEAR = re.compile(
    r"\b(first|second|third|fourth)[\s-]+quarter\s+and\s+(?:the\s+)?(?:full|fiscal)[\s-]+year"
    r"\s+(?:of\s+)?((?:19|20)\d\d)\b", re.I)
_PERIOD_UNITS = 60
_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")

# --- restatement (is one paragraph the other's interpretation?) -----------------------------

_TOKEN = re.compile(r"[a-z]{4,30}|\d{1,12}(?:\.\d{1,6})?")
_STOP = frozenset([
    "about", "above", "after", "again", "against", "also", "although", "among", "another",
    "because", "been", "before", "being", "below", "between", "both", "could", "does", "doing",
    "down", "during", "each", "either", "even", "every", "from", "further", "had", "have",
    "having", "here", "into", "itself", "just", "last", "least", "less", "like", "made",
    "make", "many", "maybe", "more", "most", "much", "must", "next", "only", "other", "ours",
    "over", "same", "several", "should", "since", "some", "such", "than", "that", "their",
    "them", "then", "there", "these", "they", "this", "those", "though", "through", "thus",
    "under", "until", "very", "want", "well", "were", "what", "when", "where", "which",
    "while", "will", "with", "within", "without", "would", "year", "years", "your", "quarter",
    "quarters", "first", "second", "third", "fourth", "okay", "yeah", "think", "know", "going",
    "really", "still", "already", "basically", "actually", "said", "says", "wants", "thing",
    "things", "lot", "lots", "kind", "sort",
])
_MIN_TOKENS = 10
_TOKEN_WINDOW = 20_000  # enough words to tell a restatement; bounds the work on huge lines
_MIN_CHARS = 50  # below this a paragraph cannot hold _MIN_TOKENS content words
_RESTATE = 0.2
_LENGTH_RATIO = 3.0


class _Slot(Enum):
    """What a paragraph (or part of one) is, before speakers are settled."""

    OPERATOR = "operator"
    PRESENTER = "presenter"
    QUESTION = "question"
    ANSWER = "answer"
    BRIDGE = "bridge"
    CLOSING = "closing"


class _Label(Enum):
    """Within an answer or a presentation: the site's machine rendering, an interpreter's
    English, or English spoken directly."""

    MACHINE = "machine"
    INTERPRETER = "interpreter"
    DIRECT = "direct"


@dataclass(slots=True)
class _Unit:
    start: int
    end: int
    text: str
    slot: _Slot = _Slot.PRESENTER
    section: SectionKind = SectionKind.PRESENTATION
    speaker: int | None = None  # settled speaker, or None until answers are labelled
    exchange: int | None = None
    new_turn: bool = False  # a boundary even if the speaker stays the same
    label: _Label = _Label.DIRECT
    interprets: list[int] = field(default_factory=list)  # unit indices (first unit of a turn)
    cue: bool = False  # opens with a translation cue
    han: bool = False  # written in Chinese characters (real Mandarin, not a rendering)


@dataclass(slots=True)
class _Pending:
    """Who the text says speaks next."""

    speaker: int | None = None


class EarningsCallParser:
    """Reads EarningsCall-style transcripts (see the module docstring)."""

    name = "earningscall"

    def detect(self, text: str) -> float:
        head = text[:_HEAD_WINDOW]
        first = _first_nonblank(head)
        if first is not None and _is_disclaimer(first[:_DISCLAIMER_WINDOW]):
            return 0.95
        rows = [ln.strip(_EDGE) for ln in head.split("\n")]
        rows = [r for r in rows if r][:40]
        # Company then an M/D/YYYY date (either order) among the first lines.
        header_end = None
        for i in range(min(3, len(rows) - 1)):
            pair = (rows[i], rows[i + 1])
            if any(_DATE_ONLY.fullmatch(r) for r in pair) and any(_is_company_line(r) for r in pair):
                header_end = i + 2
                break
        if header_end is None:
            return 0.05
        body = rows[header_end:header_end + 30]
        if not body:
            return 0.3
        headerish = sum(1 for r in body if _is_short_label(r) or _NAME_PREFIX.match(r))
        long_rows = sum(1 for r in body if len(r) >= 200)
        if headerish >= 2:
            return 0.1
        if long_rows >= 3 or (long_rows >= 1 and long_rows * 2 >= len(body)):
            return 0.85
        return 0.3 if long_rows else 0.15

    def parse(self, text: str) -> Draft:
        return _Reader(text).read()


def _first_nonblank(text: str) -> str | None:
    for line in text.split("\n"):
        if line.strip(_EDGE):
            return line.strip(_EDGE)
    return None


def _is_disclaimer(line: str) -> bool:
    return (len(line) >= 80 and "transcript" in line.lower()
            and (_GENERATED.search(line) is not None or _CAVEAT.search(line) is not None))


def _is_short_label(line: str) -> bool:
    """A short line that is not a sentence: a company name, or a speaker header elsewhere."""
    return (0 < len(line) <= 80 and line[-1] not in _SENTENCE_END_CHARS
            and not _DATE_ONLY.fullmatch(line))


def _is_company_line(line: str) -> bool:
    """A short label, where a legal suffix may end in a full stop ("Acme Holdings Ltd.")."""
    if not line or len(line) > 100 or len(line.split()) > 12 or _DATE_ONLY.fullmatch(line):
        return False
    return _is_short_label(line) or _LEGAL_SUFFIX.search(line) is not None


def _company_name(line: str) -> str:
    name = line.strip(_EDGE)
    for _ in range(3):  # "Acme Holdings Co., Ltd."
        stripped = _LEGAL_SUFFIX.sub("", name).strip(_EDGE + ",")
        if stripped == name or not stripped:
            break
        name = stripped
    return name


def _is_han(text: str) -> bool:
    """Mostly Chinese characters: real Mandarin, not the site's English rendering of it."""
    if not text or max(text) < "\u3400":
        return False
    return len(_HAN.findall(text)) * 3 >= max(1, len(_LATIN.findall(text)))


class _Reader:
    """One pass over one text; holds what has been learned about the call so far."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.draft = Draft()
        self.units: list[_Unit] = []
        self.roster: dict[str, str | None] = {}  # names the text gives, with roles
        self.operator = -1
        self._df: Counter[str] = Counter()
        self._idf: list[float] = []  # by document frequency
        self._vectors: dict[int, dict[str, float]] = {}
        self._merges: dict[tuple[int, ...], tuple[dict[str, float], float]] = {}
        self._scores: dict[tuple[tuple[int, ...], tuple[int, ...]], float] = {}

    # -- top level --------------------------------------------------------------------

    def read(self) -> Draft:
        body = self._read_header()
        for m in _LINE.finditer(self.text, body):
            raw = m.group()
            value = raw.strip(_EDGE)
            if value:
                s = m.start() + len(raw) - len(raw.lstrip(_EDGE))
                self.units.append(_Unit(s, s + len(value), value))
        if not self.units:
            return self.draft
        self.operator = self.draft.speaker_id(None, kind=SpeakerKind.OPERATOR)
        self._walk()
        self._split_translation_cues()
        self._index_tokens()
        self._label_blocks()
        self._assign_answer_speakers()
        self._meta_from_call()
        self._emit()
        return self.draft

    def _read_header(self) -> int:
        """Disclaimer, company and date lines; returns where the call itself starts."""
        pos = 0
        rows: list[Line] = []
        start = 0
        while start < len(self.text) and len(rows) < 4:
            nl = self.text.find("\n", start)
            end = len(self.text) if nl < 0 else nl
            if self.text[start:min(end, start + _HEAD_WINDOW)].strip(_EDGE):
                rows.append(Line(start, end, self.text[start:end]))
            start = end + 1
        i = 0
        if rows and _is_disclaimer(rows[0].text[:_DISCLAIMER_WINDOW].strip(_EDGE)):
            pos = rows[0].end
            i = 1
        for row in rows[i:i + 2]:
            value = row.text.strip(_EDGE)
            if len(value) <= 40 and parse_date(value) and self.draft.meta.date is None:
                self.draft.meta.date = parse_date(value)
                pos = row.end
            elif _is_company_line(value) and self.draft.meta.company is None and len(value) >= 2:
                self.draft.meta.company = _company_name(value)
                pos = row.end
            else:
                break
        if self.draft.meta.company is not None and self.draft.meta.date is None and i == 0:
            # A short first line with no date after it is as likely a heading of some other
            # page as a company; only this layout's date makes it a company line.
            self.draft.meta.company = None
            pos = 0
        return pos

    # -- who is on the call -------------------------------------------------------------

    def _person(self, name: str, role: str | None = None) -> int:
        """A named manager; roles come from the hand-off, else from the introductions."""
        canonical = self._resolve(name) or name
        role = role or self.roster.get(canonical)
        if canonical not in self.roster or (role and not self.roster.get(canonical)):
            self.roster[canonical] = role
        kind = kind_from_role(role)
        if kind in (SpeakerKind.UNKNOWN, SpeakerKind.ANALYST):
            kind = SpeakerKind.EXECUTIVE
        return self.draft.speaker_id(canonical, role=role, kind=kind)

    def _resolve(self, name: str) -> str | None:
        """The roster name this mention means: exact, else the one sharing a word with it."""
        if not name:
            return None
        key = name.casefold()
        for known in self.roster:
            if known.casefold() == key:
                return known
        words = {w.casefold() for w in name.split()}
        hits = [k for k in self.roster if words & {w.casefold() for w in k.split()}]
        return hits[0] if len(hits) == 1 else None

    def _role_holder(self, role: str) -> str | None:
        hits = [n for n, r in self.roster.items() if r and r.casefold() == role.casefold()]
        return hits[0] if len(hits) == 1 else None

    def _read_roster(self, text: str) -> None:
        low = text.lower()
        if not any(word in low for word in _ROSTER_GATE):
            return
        # Both patterns are tried only where a match can start (see _scan): presentations
        # are long, and the patterns open with a name or "\bour", which no scan can skip to.
        for m in itertools.chain(_scan(_ROSTER_NAME_ROLE, text, _name_starts(text)),
                                 _scan(_ROSTER_ROLE_NAME, text, _word_starts(text, ("our",)))):
            name = _clean_name(m.group("name"))
            if name and not self.roster.get(name):
                self.roster[name] = _clean_role(m.group("role"))

    def _handoff(self, text: str, *, known_only: bool = False) -> int | None:
        """The speaker a paragraph hands the call to, if it names or describes one.

        With `known_only`, only people the call has already named count: a manager's
        "Karen." or "let Alex answer" picks someone introduced earlier, and a garbled
        machine rendering cannot bring in a new name.
        """
        found: int | None = None
        lowered = text.lower()
        gate = " to " in lowered and ("turn" in lowered or "hand" in lowered or "pass" in lowered)
        matches = (_scan(_HANDOFF, text, _word_starts(text, ("turn", "hand", "pass"))) if gate
                   else iter(()))
        for m in matches:
            name = _clean_name(m.group("name") or "")
            role = _clean_role(m.group("role2") or m.group("role1") or "")
            if name:
                known = self._resolve(name)
                if known or not known_only:
                    found = self._person(known or name, role)
            elif role:
                holder = self._role_holder(role)
                if holder:
                    found = self._person(holder)
                elif not known_only:
                    found = self.draft.speaker_id(None, role=role, kind=SpeakerKind.EXECUTIVE)
        if found is None:
            let = ((next(_scan(_LET_ANSWER, text, _word_starts(text, ("let",))), None)
                    if "let " in lowered else None)
                   or _OVER_TO_YOU.search(text[-200:]))
            known = self._resolve(_clean_name(let.group("name")) or "") if let else None
            if known is None and self.roster:
                bare = _VOCATIVE_END.search(text[-60:])
                known = self._resolve(_clean_name(bare.group("name")) or "") if bare else None
            if known:
                found = self._person(known)
        return found

    # -- the walk: operator, presenters, questions, answers ------------------------------------

    def _is_operator(self, text: str) -> bool:
        if len(text) > _OPERATOR_MAX or _THANKS_OPERATOR.search(text[:40]):
            return False
        if _ADDRESSES_OPERATOR.search(text):
            return False
        low = text.lower()
        return (any(pattern.search(low) for pattern in _OPERATOR_PHRASES)
                or _OPERATOR_SHORT.fullmatch(text) is not None)

    def _walk(self) -> None:
        """Give every paragraph its slot, and presenters and askers their speakers."""
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
                unit.slot, unit.speaker = _Slot.OPERATOR, self.operator
                current = None
                opens = not in_qa and someone_spoke and bool(_QA_OPENING.search(text))
                if opens:
                    in_qa, pending.speaker = True, None
                if not in_qa:
                    handed = self._handoff(text)
                    if handed is not None:
                        pending.speaker = handed
                    continue
                unit.section = SectionKind.QA
                announced = _ANNOUNCE.search(text)
                name = _clean_name(announced.group("name")) if announced else None
                if name and announced is not None:
                    asker = self.draft.speaker_id(
                        name, kind=SpeakerKind.ANALYST,
                        affiliation=_clean_firm(announced.group("firm")))
                    state = "question"
                elif opens:
                    state, asker = "question", None
                elif _CLOSING_HANDBACK.search(text) or _CONCLUDED.search(text):
                    state, asker = "closing", None
                    pending.speaker = self._handoff(text)
                elif _QA_OPENING.search(text):
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
                if _is_questionish(text):
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
                        _Slot.QUESTION, self.units[k - 1].speaker, exchange)
                    continue
                state = "answer"
            if state == "answer":
                if self._is_bridge(text):
                    unit.slot, unit.speaker, unit.new_turn = _Slot.BRIDGE, self._management(), True
                    state = "awaiting"
                    continue
                if not self._is_closing(k):
                    unit.slot, unit.exchange = _Slot.ANSWER, exchange
                    continue
                state = "closing"
            self._closing(k, pending)

    def _closing(self, k: int, pending: _Pending) -> None:
        unit = self.units[k]
        unit.slot = _Slot.CLOSING
        prev = self.units[k - 1] if k else None
        if pending.speaker is not None:
            unit.speaker = pending.speaker
        elif prev is not None and prev.slot is _Slot.CLOSING and prev.speaker is not None:
            unit.speaker = prev.speaker
        else:
            unit.speaker = self._management()
        pending.speaker = None
        handed = self._handoff(unit.text, known_only=True)
        if handed is not None and handed != unit.speaker:
            pending.speaker = handed

    def _management(self) -> int:
        return self.draft.speaker_id(None, role=MANAGEMENT_ROLE, kind=SpeakerKind.EXECUTIVE)

    def _presenter(self, unit: _Unit, pending: _Pending, current: int | None) -> int:
        """Presentation: the speaker a hand-off named, else whoever was speaking."""
        text = unit.text
        unit.slot = _Slot.PRESENTER
        self._read_roster(text)
        thanks = _THANKS_NAME.search(text[:80])
        speaker: int
        if pending.speaker is not None:
            speaker = pending.speaker
        elif _THANKS_OPERATOR.search(text[:40]) or current is None:
            role = IR_ROLE if _IR_CUES.search(text) else MANAGEMENT_ROLE
            speaker = self.draft.speaker_id(None, role=role, kind=SpeakerKind.EXECUTIVE)
        elif thanks and self._names_speaker(thanks.group("name"), current):
            # "Thank you, Haisheng." from someone new, though nobody said who.
            speaker = self._management()
        else:
            speaker = current
        pending.speaker = None
        if speaker != current:
            unit.new_turn = True
        unit.speaker = speaker
        handed = self._handoff(text)
        if handed is not None and handed != speaker:
            pending.speaker = handed
        return speaker

    def _names_speaker(self, name: str, speaker: int) -> bool:
        who = self.draft.speakers[speaker].name
        if not who:
            return False
        return bool({w.casefold() for w in name.split()} & {w.casefold() for w in who.split()})

    def _question(self, unit: _Unit, asker: int | None) -> None:
        unit.slot, unit.new_turn = _Slot.QUESTION, True
        if asker is None:
            intro = _SELF_INTRO.search(unit.text[:200])
            name = _clean_name(intro.group("name")) if intro else None
            asker = self.draft.speaker_id(
                name, kind=SpeakerKind.ANALYST,
                affiliation=_clean_firm(intro.group("firm")) if intro and name else None)
        unit.speaker = asker

    def _continues_question(self, k: int) -> bool:
        """A second paragraph of a question: the asker's own English version, or more asking."""
        text = self.units[k].text
        if _TRANSLATION.match(text[:120]) and ("?" in text or _is_questionish(text)):
            return True
        return ("?" in text and _is_questionish(text[:400])
                and not self._is_operator(text))

    def _is_bridge(self, text: str) -> bool:
        if len(text) > _BRIDGE_MAX:
            return False
        if _NEXT_PLEASE.match(text):
            return True
        return bool(_ADDRESSES_OPERATOR.search(text) and _BRIDGE.search(text))

    def _is_closing(self, k: int) -> bool:
        """Thanks and goodbyes after the last answer, with only the operator after them."""
        text = self.units[k].text
        if len(text) > _CLOSING_MAX or not _is_closing_words(text):
            return False
        for later in itertools.islice(self.units, k + 1, None):
            if self._is_operator(later.text):
                return True
            if len(later.text) > _CLOSING_MAX or not _is_closing_words(later.text):
                return False
        return True

    # -- translation cues inside a paragraph -------------------------------------------------

    def _split_translation_cues(self) -> None:
        """Cut a paragraph where "Okay, I will do the translation" starts mid-way: what
        precedes is the rendering, what follows the interpreter's (or the asker's) English."""
        out: list[_Unit] = []
        for unit in self.units:
            if unit.slot not in (_Slot.ANSWER, _Slot.QUESTION, _Slot.PRESENTER):
                unit.han = _is_han(unit.text)
                out.append(unit)
                continue
            lowered = unit.text.lower()
            if "translat" not in lowered and "interpret" not in lowered:
                unit.han = _is_han(unit.text)
                out.append(unit)
                continue
            # A cut needs text before it: past the first character that is not white space
            # (one look, rather than stripping the text before every cut).
            first = len(unit.text) - len(unit.text.lstrip(_EDGE))
            cuts = sorted({m.start("cue") for m in _TRANSLATION_INSIDE.finditer(unit.text)
                           if m.start("cue") > first})
            if not cuts:
                unit.cue = bool(_TRANSLATION.match(unit.text))
                unit.han = _is_han(unit.text)
                out.append(unit)
                continue
            bounds = [0, *cuts, len(unit.text)]
            for n, (a, b) in enumerate(itertools.pairwise(bounds)):
                s, e = unit.start + a, unit.start + b
                while s < e and self.text[s] in _EDGE:
                    s += 1
                while e > s and self.text[e - 1] in _EDGE:
                    e -= 1
                if s >= e:
                    continue
                part = _Unit(s, e, self.text[s:e], unit.slot, unit.section, unit.speaker,
                             unit.exchange, unit.new_turn if n == 0 else True)
                part.cue = n > 0 or bool(_TRANSLATION.match(part.text))
                part.han = _is_han(part.text)
                out.append(part)
        self.units = out

    # -- restatement ---------------------------------------------------------------------

    def _index_tokens(self) -> None:
        """Document frequencies, so that words every paragraph uses weigh nothing.

        Paragraphs too short to be compared are left out; their vectors are made on demand.
        """
        self._bags: dict[int, Counter[str]] = {}
        for i, unit in enumerate(self.units):
            if len(unit.text) < _MIN_CHARS:
                continue
            bag = _bag(unit.text[:_TOKEN_WINDOW])
            self._bags[i] = bag
            self._df.update(bag.keys())
        # A word's weight depends only on how many paragraphs use it: one logarithm for each
        # such count, not one for each word of each paragraph compared.
        n = len(self.units)
        top = max(self._df.values(), default=0)
        self._idf = [math.log((n + 1) / (k + 1)) for k in range(top + 1)]

    def _vector(self, i: int) -> dict[str, float]:
        vec = self._vectors.get(i)
        if vec is None:
            bag = self._bags.get(i) or Counter()
            df, idf = self._df, self._idf
            tf = [0.0] + [1 + math.log(c) for c in range(1, max(bag.values(), default=0) + 1)]
            vec = {w: tf[c] * idf[df[w]] for w, c in bag.items()}
            self._vectors[i] = vec
        return vec

    def _similarity(self, a: list[int], b: list[int]) -> float:
        """Cosine similarity of what units `a` and units `b` say; 0 where they are too short
        or too different in length to be compared. Remembered: blocks ask again."""
        key = (tuple(a), tuple(b))
        score = self._scores.get(key)
        if score is None:
            score = self._scores[key] = self._score(a, b)
        return score

    def _score(self, a: list[int], b: list[int]) -> float:
        if not any(i in self._bags for i in a) or not any(i in self._bags for i in b):
            return 0.0
        la = sum(len(self.units[i].text) for i in a)
        lb = sum(len(self.units[i].text) for i in b)
        if max(la, lb) > _LENGTH_RATIO * min(la, lb):
            return 0.0
        (va, na), (vb, nb) = self._merged(a), self._merged(b)
        if len(va) < _MIN_TOKENS or len(vb) < _MIN_TOKENS:
            return 0.0
        dot = sum(v * vb.get(w, 0.0) for w, v in va.items())
        return dot / (na * nb) if na and nb else 0.0

    def _merged(self, idx: list[int]) -> tuple[dict[str, float], float]:
        """The summed vector of units `idx`, and its norm."""
        key = tuple(idx)
        got = self._merges.get(key)
        if got is None:
            if len(idx) == 1:
                out = self._vector(idx[0])
            else:
                out = {}
                for i in idx:
                    for w, v in self._vector(i).items():
                        out[w] = out.get(w, 0.0) + v
            got = self._merges[key] = (out, math.sqrt(sum(v * v for v in out.values())))
        return got

    def _restates(self, u: int, ref: list[int], block: list[int]) -> bool:
        """Whether unit `u` says again what the units `ref` said, and more so than it
        resembles anything else said just before them."""
        score = self._similarity([u], ref)
        if score < _RESTATE:
            return False
        if _THANKS_NAME.search(self.units[u].text[:80]):
            return False  # a new speaker thanking the last, not an interpreter
        first = max(0, ref[0] - block[0])  # blocks are runs of consecutive units
        for other in block[max(0, first - 2):first]:
            if self._similarity([u], [other]) >= score:
                return False
        return True

    # -- machine rendering, interpretation, direct English -------------------------------------

    def _label_blocks(self) -> None:
        """Within each run of one exchange's answers, or of one presenter's paragraphs, find
        the interpretations and what they interpret."""
        block: list[int] = []
        key: tuple[_Slot, int | None] | None = None
        for i, unit in enumerate(self.units):
            if unit.slot not in (_Slot.ANSWER, _Slot.PRESENTER):
                if block:
                    self._label(block)
                block, key = [], None
                continue
            k = (unit.slot, unit.exchange if unit.slot is _Slot.ANSWER else unit.speaker)
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
            elif pending and self._restates(i, pending[-1:], block):
                rendered = self._rendered_run(i, pending, block)
            if rendered is not None:
                machine = set(rendered)  # a long block can leave thousands pending
                for j in pending:
                    self.units[j].label = _Label.MACHINE if j in machine else _Label.DIRECT
                unit.label, unit.new_turn, unit.interprets = _Label.INTERPRETER, True, rendered
                covered, pending, interpreting = rendered, [], True
                continue
            if interpreting and covered:
                nxt = block[pos + 1] if pos + 1 < len(block) else None
                next_renders = nxt is not None and (
                    self.units[nxt].cue or self._restates(nxt, [i], block))
                if not next_renders and self._restates(i, covered, block):
                    unit.label = _Label.INTERPRETER  # the interpretation goes on
                    continue
            interpreting = False
            pending.append(i)
        for j in pending:
            self.units[j].label = _Label.DIRECT

    def _rendered_run(self, u: int, pending: list[int], block: list[int]) -> list[int]:
        """The units a cue-less interpretation renders: the last one, and those before it
        that it also echoes, or that are too short to judge ("About the take rate.")."""
        run = [pending[-1]]  # gathered backwards
        for j in reversed(pending[:-1]):
            short = len(self._bags.get(j) or ()) < _MIN_TOKENS
            if short or self._similarity([u], [j]) >= _RESTATE / 2:
                run.append(j)
            else:
                break
        run.reverse()
        return run

    def _link_question_translations(self) -> None:
        """An asker's own English version of a question interprets the part before it."""
        for i, unit in enumerate(self.units):
            if unit.slot is not _Slot.QUESTION or i == 0:
                continue
            prev = self.units[i - 1]
            if prev.slot is not _Slot.QUESTION or prev.exchange != unit.exchange:
                continue
            if unit.cue or prev.han or self._restates(i, [i - 1], [i - 1]):
                unit.interprets = [i - 1]
                unit.new_turn = True

    def _assign_answer_speakers(self) -> None:
        """Machine renderings to the unnamed manager, interpretations to the interpreter,
        direct English to management, unless a hand-off just before names someone."""
        prev: _Unit | None = None
        for unit in self.units:
            if unit.slot is _Slot.PRESENTER and unit.label is _Label.INTERPRETER:
                unit.speaker = self.draft.speaker_id(None, kind=SpeakerKind.INTERPRETER)
            if unit.slot is not _Slot.ANSWER:
                prev = unit
                continue
            same_answer = (prev is not None and prev.slot is _Slot.ANSWER
                           and prev.exchange == unit.exchange)
            named = (self._handoff(prev.text, known_only=True)
                     if same_answer and prev is not None else None)
            if named is not None and prev is not None and named != prev.speaker:
                unit.speaker, unit.new_turn = named, True
            elif same_answer and prev is not None and prev.label is unit.label \
                    and not unit.new_turn:
                unit.speaker = prev.speaker
            elif unit.label is _Label.MACHINE and not unit.han:
                unit.speaker = self.draft.speaker_id(None, role=MACHINE_ROLE,
                                                     kind=SpeakerKind.EXECUTIVE)
            elif unit.label is _Label.INTERPRETER:
                unit.speaker = self.draft.speaker_id(None, kind=SpeakerKind.INTERPRETER)
            else:
                unit.speaker = self._management()
            prev = unit

    # -- metadata -----------------------------------------------------------------------------

    def _meta_from_call(self) -> None:
        meta = self.draft.meta
        # The call is named in its first minutes: the welcome, IR's opening, the CFO's.
        opening = [u for u in self.units[:_PERIOD_UNITS] if u.section is SectionKind.PRESENTATION]
        meta.period = self._vote_period(opening or self.units[:5])
        if meta.ticker is None:
            head = " ".join(u.text[:2000] for u in opening[:4])
            meta.ticker = find_ticker(head)

    def _vote_period(self, units: list[_Unit]) -> str | None:
        """The period the call is about, by vote of the sentences that name the call.

        Speech recognition garbles these ("third quarter" in a first-quarter call), so the
        first mention is not trusted: the operator's welcome counts double, and a bare
        "first quarter earnings call" still votes for the quarter.
        """
        periods: Counter[str] = Counter()
        years: dict[str, Counter[int]] = {}
        order: dict[str, int] = {}
        for unit in units:
            weight = 2 if unit.slot is _Slot.OPERATOR else 1
            for sentence in _SENTENCE.findall(unit.text[:20_000]):
                if not _PERIOD_SENTENCE.search(sentence):
                    continue
                both = _QUARTER_AND_YEAR.search(sentence)
                label = (f"Q{_ORDINAL[both.group(1).lower()]} {both.group(2)}" if both
                         else normalize_period(sentence))
                if label:
                    part, said_year = label.split()
                    years.setdefault(part, Counter())[int(said_year)] += weight
                else:
                    q = _YEARLESS_QUARTER.search(sentence)
                    if not q:
                        continue
                    part = f"Q{_ORDINAL.get((q.group(1) or '').lower()) or q.group(2)}"
                periods[part] += weight
                order.setdefault(part, len(order))
        if not periods:
            return None
        part = max(periods, key=lambda p: (periods[p], -order[p]))
        if part in years:
            year = max(years[part], key=lambda y: (years[part][y], y))
        else:
            all_years: Counter[int] = Counter()
            for c in years.values():
                all_years.update(c)
            if all_years:
                year = max(all_years, key=lambda y: (all_years[y], y))
            elif self.draft.meta.date:
                year = int(self.draft.meta.date[:4])
                month = int(self.draft.meta.date[5:7])
                if part in ("Q4", "H2", "FY") and month <= 4:
                    year -= 1
            else:
                return None
        return f"{part} {year}"

    # -- output -------------------------------------------------------------------------

    def _emit(self) -> None:
        draft = self.draft
        turn_of_unit: dict[int, int] = {}
        turn_units: list[list[int]] = []
        for i, unit in enumerate(self.units):
            speaker = unit.speaker if unit.speaker is not None else self._management()
            unit.speaker = speaker
            if turn_units:
                last = self.units[turn_units[-1][-1]]
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
            head = self.units[idx[0]]
            interprets = sorted({turn_of_unit[j] for j in head.interprets})
            decided = bool(head.interprets) or head.label is _Label.INTERPRETER
            draft.turns.append(DraftTurn(
                speaker=head.speaker if head.speaker is not None else self._management(),
                spans=[(self.units[j].start, self.units[j].end) for j in idx],
                section=head.section,
                interpreted=head.label is _Label.INTERPRETER,
                interprets=interprets if decided else None))
            if head.exchange is None or head.slot not in (_Slot.QUESTION, _Slot.ANSWER):
                continue
            ex = exchanges.get(head.exchange)
            if ex is None:
                asker = head.speaker if head.slot is _Slot.QUESTION else None
                ex = exchanges[head.exchange] = Exchange(asker=asker, question=[], answer=[])
            (ex.question if head.slot is _Slot.QUESTION else ex.answer).append(t)
        if any(u.section is SectionKind.QA for u in self.units):
            draft.exchanges = [exchanges[k] for k in sorted(exchanges)]
        else:
            draft.exchanges = []


def _scan(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """What `pattern.finditer(text)` yields, trying the pattern only at `starts`.

    `starts` must be ascending and hold every position where a match can start, and the
    pattern must never match the empty string. `match` at a position sees the text before
    it, so word boundaries and look-behinds behave as in `finditer`.
    """
    pos = 0
    for at in starts:
        if at < pos:
            continue
        m = pattern.match(text, at)
        if m is not None:
            yield m
            pos = m.end()


def _word_starts(text: str, words: Iterable[str]) -> list[int]:
    """Every position where one of `words` occurs, ascending."""
    out: list[int] = []
    for word in words:
        at = text.find(word)
        while at >= 0:
            out.append(at)
            at = text.find(word, at + 1)
    out.sort()
    return out


def _name_starts(text: str) -> list[int]:
    """Where a _ROSTER_NAME_ROLE match can start: a capital within _NAME_REACH before one
    of its anchors (the comma and "our")."""
    out: list[int] = []
    done = 0
    for anchor in _ROSTER_ANCHOR.finditer(text):
        comma = anchor.start()
        out.extend(m.start() for m in _CAPITAL.finditer(text, max(done, comma - _NAME_REACH), comma))
        done = comma
    return out


def _is_questionish(text: str) -> bool:
    return _QUESTIONISH.search(text) is not None


def _is_closing_words(text: str) -> bool:
    return _CLOSING.search(text) is not None


def _bag(text: str) -> Counter[str]:
    """Content words, crudely stemmed, and numbers ("#2.3"), counted, for comparing paragraphs.

    Counted in the order they first occur, which fixes the order of the sums in _similarity.
    """
    words = _TOKEN.findall(text.lower().replace(",", ""))
    return Counter(filter(None, map(_stem, words)))


@functools.lru_cache(maxsize=65536)  # a call repeats its words; stemming each once pays
def _stem(word: str) -> str:
    if word[0].isdigit():
        return "#" + word
    if word in _STOP:
        return ""
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _clean_name(name: str) -> str | None:
    words = name.split()
    while words and words[-1].casefold() in _NOT_A_NAME:
        words.pop()
    if not words or words[0].casefold() in _NOT_A_NAME:
        return None
    return " ".join(words)


def _clean_role(role: str) -> str | None:
    words = role.strip(_EDGE + ",.").split()
    while words and words[-1].casefold() in {"of", "and", "for", "the", "&"}:
        words.pop()
    return " ".join(words) or None


def _clean_firm(firm: str | None) -> str | None:
    if not firm:
        return None
    words = firm.split()
    while words and words[-1].casefold() in {"of", "and", "de", "du", "&", "please"}:
        words.pop()
    return " ".join(words) or None
