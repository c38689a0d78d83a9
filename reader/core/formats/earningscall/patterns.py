"""The layout's patterns: header lines, the operator's phrases, hand-offs, introductions,
translation cues and the call's name; with the small tests on text built on them."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

# --- header and detection ----------------------------------------------------------------

EDGE = " \t\r\n\u3000\xa0\ufeff\u200b"
LINE = re.compile(r"[^\n]+")
HEAD_WINDOW = 5000
DISCLAIMER_WINDOW = 2000
GENERATED = re.compile(
    r"(?:computer|machine|automatically|auto|ai)[- ]?(?:generated|produced|transcribed|created)|"
    r"speech[- ]recognition|generated (?:automatically|by (?:a )?(?:computer|software|machine))",
    re.I)
CAVEAT = re.compile(
    r"\berrors?\b|\bmistakes?\b|\binaccura|\baccuracy\b|undue reliance|information purposes", re.I)
DATE_ONLY = re.compile(r"\d{1,2}/\d{1,2}/(?:19|20)\d\d|(?:19|20)\d\d-\d{1,2}-\d{1,2}")
SENTENCE_END_CHARS = ".?!。？！…\"'”’)"
NAME_PREFIX = re.compile(r"[A-Z][\w.'\- ]{0,40}:\s")  # "Operator: Good morning"
LEGAL_SUFFIX = re.compile(
    r"[\s,]+(?:inc|incorporated|ltd|limited|corp|corporation|co|plc|llc|n\.\s?v|s\.\s?a|ag)\.?$",
    re.I)

# --- cues in the call ----------------------------------------------------------------------

THANKS_OPERATOR = re.compile(
    r"^\W{0,3}(?:thank you|thanks)(?: very much)?,?\s{1,3}(?:the\s{1,3})?operator\b", re.I)
# Someone speaking *to* the operator is not the operator ("Operator, let's take ...").
ADDRESSES_OPERATOR = re.compile(r"(?:^|[.!?,;]\s{0,3})Operator\s{0,3}[,.!]|,\s{0,3}operator\b")
OPERATOR_MAX = 1500
# The operator's phrases, matched on lower-cased text.
OPERATOR_PHRASES: tuple[re.Pattern[str], ...] = (
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
OPERATOR_SHORT = re.compile(r"(?:please stand by|one moment,? please|one moment)\W{0,3}", re.I)
QA_OPENING = re.compile(
    r"ask (?:a|your) question|press (?:star|\*)|\bstar (?:1|one)\b|question[- ]and[- ]answer|"
    r"(?:first|next|final|last) question|from the line of|"
    r"open (?:up )?the (?:call|line|lines|floor) (?:up )?(?:to|for) questions", re.I)
CLOSING_HANDBACK = re.compile(
    r"closing (?:remarks|comments)|(?:turn|hand) (?:the (?:conference |call )?|it )?"
    r"back (?:over )?to (?:the )?management", re.I)
CONCLUDED = re.compile(r"conclude[sd]?|you may (?:now )?disconnect", re.I)

TITLE = r"(?:(?:Mr|Ms|Mrs|Miss|Mx|Dr|Prof)\.?\s{1,3})"
NAME_WORD = r"[A-Z][a-z'’\-]{1,20}"
NAME = rf"{NAME_WORD}(?:\s{{1,3}}{NAME_WORD}){{0,3}}"
FIRM_WORD = r"(?:[A-Z][\w&'’\-]{0,30}|&)"
FIRM = rf"{FIRM_WORD}(?:\s{{1,3}}(?:{FIRM_WORD}|of|and|de|du)){{0,7}}"
ANNOUNCE = re.compile(
    rf"(?:from the line of|question (?:is |comes |will come )?(?:from|with))\s{{1,3}}"
    rf"(?:the line of\s{{1,3}})?{TITLE}?(?P<name>{NAME})"
    rf"(?:\s{{0,3}}(?:,|from|of|with|at)\s{{1,3}}(?P<firm>{FIRM}))?")
SELF_INTRO = re.compile(
    rf"^\W{{0,3}}(?:(?:hi|hello|good (?:morning|afternoon|evening))\b[^.!?]{{0,40}}[.,!]\s{{0,3}})?"
    rf"(?:this is|I'm|I am|it's)\s{{1,3}}(?P<name>{NAME})\s{{1,3}}(?:from|with|of|at)\s{{1,3}}"
    rf"(?P<firm>{FIRM})", re.I)

ROLE_WORD = r"(?:[A-Z][\w&\-]{0,30}|of|and|for|the|&)"
ROLE = rf"[A-Z][\w&\-]{{0,30}}(?:\s{{1,3}}{ROLE_WORD}){{0,7}}"
# "... turn the call over to Ms. Karen Gee, Senior Director of Capital Markets."
# "... hand it over to our CFO, Mr. Alex Xu." / "... turn the call over to our CEO."
# A bare "turn to" is not a hand-off ("let's turn to the outlook").
HANDOFF_OBJECT = (r"(?:the\s{1,3})?(?:conference(?:\s{1,3}call)?|call|floor|line|mic|microphone)|"
                   r"it|things")
HANDOFF = re.compile(
    rf"\b(?:turn|hand|pass)(?:ing)?\s{{1,3}}(?:(?:{HANDOFF_OBJECT})\s{{1,3}}(?:back\s{{1,3}})?"
    rf"(?:over\s{{1,3}})?|(?:back\s{{1,3}})?over\s{{1,3}})to\s{{1,3}}"
    rf"(?:your\s{{1,3}}(?:host|speaker|presenter)s?(?:\s{{1,3}}today)?\s{{0,3}},?\s{{1,3}})?"
    rf"(?:(?:our|the company's)\s{{1,3}}(?P<role1>{ROLE})(?:\s{{0,3}},\s{{0,3}})?)?"
    rf"(?:{TITLE}?(?P<name>{NAME})(?:\s{{0,3}},\s{{0,3}}(?:our\s{{1,3}})?(?P<role2>{ROLE}))?)?")
# "Rahul, over to you." / "Laura, please go ahead."
OVER_TO_YOU = re.compile(
    rf"(?:^|[.!?]\s{{1,3}})(?P<name>{NAME_WORD}(?:\s{{1,3}}{NAME_WORD})?)\s{{0,3}},\s{{0,3}}"
    r"(?:over to you|the floor is yours|please go ahead|please take (?:it|this|that))\b")
LET_ANSWER = re.compile(
    rf"\blet\s{{1,3}}(?:our\s{{1,3}}(?:[A-Z]{{2,4}}\s{{0,3}},?\s{{0,3}}))?{TITLE}?(?P<name>{NAME})\s{{1,3}}"
    r"(?:answer|take|address|add|comment|respond)")
NOT_A_NAME = frozenset(
    {"operator", "management", "the", "our", "you", "everyone", "all", "him", "her", "them",
     "me", "us", "q", "questions", "question", "thank", "thanks", "okay", "ok", "so", "and",
     "please", "now", "with", "that", "this", "i", "we", "ladies", "gentlemen", "hello",
     "good", "yes", "well", "first", "second", "next", "final"})
ROSTER_GATE = ("joining", "joined", "with me", "with us", "today are", "on the call", "present")
ROSTER_NAME_ROLE = re.compile(
    rf"{TITLE}?(?P<name>{NAME}),\s{{1,3}}(?:our|the company's)\s{{1,3}}(?P<role>{ROLE})")
ROSTER_ROLE_NAME = re.compile(
    rf"\bour\s{{1,3}}(?P<role>{ROLE}),\s{{1,3}}{TITLE}?(?P<name>{NAME})")
# A name-then-role entry ends its name at one of these; the name starts within NAME_REACH
# before it ("Prof." and three spaces, then four words of 21 letters with three spaces).
ROSTER_ANCHOR = re.compile(r",\s{1,3}(?:our|the company's)")
NAME_REACH = 8 + 4 * 21 + 3 * 3
CAPITAL = re.compile(r"[A-Z]")
THANKS_NAME = re.compile(
    rf"^\W{{0,3}}(?:thank you|thanks)(?: very much)?,\s{{1,3}}(?P<name>{NAME})\b")
VOCATIVE_END = re.compile(rf"(?:^|[.!?]\s{{1,3}})(?P<name>{NAME_WORD}(?:\s{{1,3}}{NAME_WORD})?)"
                           r"\s{0,3}[.!?]?\s{0,3}$")
IR_CUES = re.compile(r"safe harbou?r|forward[- ]looking|non-gaap|earnings release", re.I)

# "Okay, I will do the translation." / "I will simply translate it." / "Let me translate."
TRANSLATION = re.compile(
    r"(?:(?:okay|ok|so|then|now|and|alright|all right|well)[,.]?\s{1,3}){0,2}"
    r"(?:i(?:'ll| will| would| am going to|'m going to| can)|let me)\s{1,3}"
    r"(?:(?:now|just|simply|quickly|briefly|also|first)\s{1,3}){0,2}"
    r"(?:do (?:the|a|my|some) (?:quick |simple |brief )?(?:translation|interpretation)|"
    r"translate\b|interpret\b|give (?:the|a|you the|you a) (?:quick |brief )?translation)",
    re.I)
# The same cue where a sentence (or a clause: "..., Then I will do the translation.") starts.
TRANSLATION_INSIDE = re.compile(
    r"(?:^|(?<=[.!?,;:]))\s{0,3}(?P<cue>" + TRANSLATION.pattern + ")", re.I)

QUESTIONISH = re.compile(
    r"\bmy (?:first |second |third |last |final |follow-up |followup |next )?question\b|"
    r"\bI have (?:two|three|a few|one|a couple of|\w+) (?:follow-up |quick )?questions?\b|"
    r"\bI(?:'d| would) like to ask\b|\bwondering\b|\b(?:could|can|would) you (?:please )?"
    r"(?:share|give|elaborate|comment|provide|help|talk|explain|update)", re.I)
BRIDGE = re.compile(r"question|move on|go ahead", re.I)
NEXT_PLEASE = re.compile(r"^\W{0,3}(?:ok(?:ay)?[,.]?\s{1,3})?(?:next question|next one),?\s{0,3}"
                          r"(?:please)?\W{0,3}$", re.I)
BRIDGE_MAX = 300
CLOSING = re.compile(
    r"thank you (?:all |everyone |again |very much )?(?:for|to) (?:joining|join|participating|"
    r"your (?:time|participation|interest|support|attention))|"
    r"if you have (?:any )?(?:additional|further|more|other|follow-up) questions|"
    r"contact (?:us|our (?:ir|investor relations))|look forward to (?:speaking|talking|seeing|"
    r"meeting|updating|connecting)|closing remarks", re.I)
CLOSING_MAX = 800

PERIOD_SENTENCE = re.compile(
    r"welcome|earnings (?:conference )?call|conference call|results (?:conference )?call|"
    r"earnings release", re.I)
YEARLESS_QUARTER = re.compile(r"\b(first|second|third|fourth)[\s-]+quarter\b|\bQ([1-4])\b", re.I)
# "fourth quarter and full year 2023": a results call for the quarter (as sites file it).
QUARTER_AND_YEAR = re.compile(
    r"\b(first|second|third|fourth)[\s-]+quarter\s+and\s+(?:the\s+)?(?:full|fiscal)[\s-]+year"
    r"\s+(?:of\s+)?((?:19|20)\d\d)\b", re.I)
PERIOD_UNITS = 60
ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4}
SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
LATIN = re.compile(r"[A-Za-z]")


def is_han(text: str) -> bool:
    """Mostly Chinese characters: real Mandarin, not the site's English rendering of it."""
    if not text or max(text) < "\u3400":
        return False
    return len(HAN.findall(text)) * 3 >= max(1, len(LATIN.findall(text)))


def scan(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
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


def word_starts(text: str, words: Iterable[str]) -> list[int]:
    """Every position where one of `words` occurs, ascending."""
    out: list[int] = []
    for word in words:
        at = text.find(word)
        while at >= 0:
            out.append(at)
            at = text.find(word, at + 1)
    out.sort()
    return out


def name_starts(text: str) -> list[int]:
    """Where a ROSTER_NAME_ROLE match can start: a capital within NAME_REACH before one
    of its anchors (the comma and "our")."""
    out: list[int] = []
    done = 0
    for anchor in ROSTER_ANCHOR.finditer(text):
        comma = anchor.start()
        out.extend(m.start() for m in CAPITAL.finditer(text, max(done, comma - NAME_REACH), comma))
        done = comma
    return out


def is_questionish(text: str) -> bool:
    return QUESTIONISH.search(text) is not None


def is_closing_words(text: str) -> bool:
    return CLOSING.search(text) is not None


def clean_name(name: str) -> str | None:
    words = name.split()
    while words and words[-1].casefold() in NOT_A_NAME:
        words.pop()
    if not words or words[0].casefold() in NOT_A_NAME:
        return None
    return " ".join(words)


def clean_role(role: str) -> str | None:
    words = role.strip(EDGE + ",.").split()
    while words and words[-1].casefold() in {"of", "and", "for", "the", "&"}:
        words.pop()
    return " ".join(words) or None


def clean_firm(firm: str | None) -> str | None:
    if not firm:
        return None
    words = firm.split()
    while words and words[-1].casefold() in {"of", "and", "de", "du", "&", "please"}:
        words.pop()
    return " ".join(words) or None
