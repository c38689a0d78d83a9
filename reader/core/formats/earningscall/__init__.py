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

The phases, one module each: header (detection; disclaimer, company and date lines), units
(paragraphs, cut again at translation cues), walk (each paragraph's slot; presenters and
askers, with people for the roster and hand-offs), interpretation (machine rendering,
interpretation or direct English, by restatement; who speaks the answers), meta (period and
ticker) and emit (turns and exchanges). patterns holds the expressions they share.
"""

from __future__ import annotations

from reader.core.draft import Draft
from reader.core.formats.earningscall.emit import emit
from reader.core.formats.earningscall.header import detect, read_header
from reader.core.formats.earningscall.interpretation import (
    assign_answer_speakers,
    label_interpretations,
)
from reader.core.formats.earningscall.meta import meta_from_call
from reader.core.formats.earningscall.people import IR_ROLE, MACHINE_ROLE, MANAGEMENT_ROLE, People
from reader.core.formats.earningscall.units import paragraphs, split_translation_cues
from reader.core.formats.earningscall.walk import walk

__all__ = ["IR_ROLE", "MACHINE_ROLE", "MANAGEMENT_ROLE", "EarningsCallParser"]


class EarningsCallParser:
    """Reads EarningsCall-style transcripts (see the module docstring)."""

    name = "earningscall"

    def detect(self, text: str) -> float:
        return detect(text)

    def parse(self, text: str) -> Draft:
        return _read(text)


def _read(text: str) -> Draft:
    """The phases, in order; each settles what the next one reads."""
    draft = Draft()
    units = paragraphs(text, read_header(text, draft))
    if not units:
        return draft
    people = People(draft)
    walk(units, people)
    units = split_translation_cues(text, units)
    label_interpretations(units)
    assign_answer_speakers(units, people)
    meta_from_call(units, draft)
    emit(units, people)
    return draft
