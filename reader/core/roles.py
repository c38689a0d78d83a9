"""Speaker kinds from role text, and the cue phrases that betray a speaker's part on a call.

Layouts label roles loosely ("participant", "Senior Director of Capital Markets",
"Managing Director and Senior Equity Analyst"); a speaker's kind comes from those words,
and where a layout names nobody, from what the speaker says.
"""

from __future__ import annotations

import re

from reader.core.model import SpeakerKind

_OPERATOR_ROLE = re.compile(r"\b(operator|moderator|conference call operator|coordinator)\b", re.I)
_INTERPRETER_ROLE = re.compile(r"\b(interpreter|translator|interpretation|翻译|翻譯|传译|傳譯)\b", re.I)
_ANALYST_ROLE = re.compile(
    r"\b(analyst|analysts|research|equity research|investor\b(?! relations)|portfolio manager|"
    r"fund manager|securities|capital(?! markets)|asset management|bank|partners|advisors|"
    r"分析师|分析師|研究员|研究員|提问者|提問者|投资者|投資者)", re.I)
_EXECUTIVE_ROLE = re.compile(
    r"\b(ceo|cfo|coo|cto|cro|cmo|cio|chief|president|chairman|chairwoman|chair|director|officer|"
    r"vp|vice president|head|investor relations|ir|manager|founder|co-founder|treasurer|controller|"
    r"secretary|executive|management|capital markets|spokesperson|general counsel|partner|"
    r"company representative|"
    r"首席|总裁|總裁|董事|总监|總監|经理|經理|副总|副總|主席|执行官|執行官|投资者关系|投資者關係)", re.I)


def kind_from_role(role: str | None, name: str | None = None) -> SpeakerKind:
    """The kind a role label implies; the name settles "Operator (participant)"."""
    if name and _OPERATOR_ROLE.fullmatch(name.strip()):
        return SpeakerKind.OPERATOR
    if not role:
        return SpeakerKind.UNKNOWN
    if _OPERATOR_ROLE.search(role):
        return SpeakerKind.OPERATOR
    if _INTERPRETER_ROLE.search(role):
        return SpeakerKind.INTERPRETER
    # "Managing Director and Senior Equity Analyst": the analyst word wins over "Director".
    if re.search(r"\banalyst|分析师|分析師|提问者|提問者", role, re.I):
        return SpeakerKind.ANALYST
    if _EXECUTIVE_ROLE.search(role):
        return SpeakerKind.EXECUTIVE
    if _ANALYST_ROLE.search(role):
        return SpeakerKind.ANALYST
    if re.fullmatch(r"\s*(executives?|company representatives?|corporate participants?)\s*", role,
                    re.I):
        return SpeakerKind.EXECUTIVE
    if re.fullmatch(r"\s*(participants?|conference call participants?)\s*", role, re.I):
        return SpeakerKind.UNKNOWN
    return SpeakerKind.UNKNOWN


# A capitalised word; "J.P." and "U.S." keep their full stops when a word follows.
_WORD = r"(?:(?:[A-Z]\.){2,4}(?=\s[A-Z])|[A-Z][\w'’\-]*(?:\.(?=\w)[\w'’\-]*)*)"
_NAME = rf"{_WORD}(?:\s+{_WORD}){{0,3}}"
_FIRM = rf"(?:{_WORD}|&)(?:\s+(?:{_WORD}|of|and|&|de|du))*"

ASKER_ANNOUNCEMENT = re.compile(
    rf"(?:question|questions)\s+(?:is\s+|will\s+be\s+|will\s+come\s+|comes\s+|today\s+)?(?:coming\s+)?"
    rf"(?:from|with)\s+(?:the\s+line\s+of\s+)?(?P<name>{_NAME})"
    rf"(?:\s*(?:,|from|of|with|at)\s+(?P<firm>{_FIRM}))?",
)
""""Our next question comes from the line of Emma Xu from Bank of America"."""

GO_TO_ANNOUNCEMENT = re.compile(
    rf"(?i:we(?:'ll| will)?\s+(?:now\s+)?(?:go|move|turn)\s+(?:next\s+)?(?:over\s+)?to|"
    rf"next,?\s+we\s+have|next\s+(?:up\s+)?is|next\s+question,|question\s+is|let's\s+go\s+to|"
    rf"we\s+have)\s+(?:the\s+line\s+of\s+)?(?P<name>{_NAME})"
    rf"(?:\s*(?:,|from|of|with|at)\s+(?P<firm>{_FIRM}))?(?=\s*[.,;!]|\s*$|\s+(?:please|your))")
""""Your next question is Jane Doe from ABC." / "We'll go to Jane with ABC." / "Next,
we have Jane Doe of ABC." Trusted only in a turn that otherwise reads as the operator's."""

# "line" first and its word boundary checked behind it: a pattern that opens with a literal
# is searched for at C speed, one that opens with "\b" is tried at every position.
LINE_OF = re.compile(
    rf"line(?<=\bline)\s+of\s+(?P<name>{_NAME})(?:\s*(?:,|from|of|with|at)\s+(?P<firm>{_FIRM}))?")

QA_OPENING = re.compile(
    r"ask a question|ask your question|question[- ]and[- ]answer|\bq\s*&\s*a\b|\[operator instructions\]|"
    r"(?:first|next) question|question queue|open (?:up )?the (?:call|line|floor|lines) (?:up )?(?:to|for) questions|"
    r"begin the question|take (?:our|the) first question|polling for questions|star (?:one|1)|"
    r"问答环节|問答環節|提问|提問", re.I)

OPERATOR_CUES = re.compile(
    r"ladies and gentlemen|thank you for standing by|listen[- ]only mode|conference (?:is|call is) being recorded|"
    r"event is being recorded|please press star|press \*|(?:next|first|final|last) question (?:is |comes )?(?:from|with)|(?:your|our|the) (?:next|first|final|last) question is\b|(?:^|[.!?]\s+)next question,|we(?:'ll| will) (?:now )?go (?:next )?to\b|next,? we have\b|"
    r"question (?:is )?from the line of|please go ahead|you may now disconnect|concludes (?:today'?s|the|our) "
    r"(?:conference|call|presentation)|does conclude|i(?:'d| would) (?:now )?like to (?:turn|hand) the "
    r"(?:conference|call) (?:over|back)|please stand by|one moment,? please|withdraw your question", re.I)

TRANSLATION_CUE = re.compile(
    r"\b(?:i(?:'ll| will)|let me|i(?:'m| am) going to|i can|i would)\s+(?:now\s+)?(?:do|give|provide|make)\s+(?:the|a|some)\s+"
    r"(?:translation|interpretation)|\b(?:let me|i(?:'ll| will))\s+(?:now\s+|just\s+|quickly\s+)?translate|^\s*(?:translation|interpretation)\s*[:：]|"
    r"\b(?:translating|interpreting) for\b|\btranslation (?:of|for) (?:mr|ms|mrs|dr)\.?\s",
    re.I)
