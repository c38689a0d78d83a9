"""Who is on the call: the names and roles the text gives, and who a hand-off names."""

from __future__ import annotations

import itertools

from reader.core.draft import Draft
from reader.core.formats.earningscall import patterns as pat
from reader.core.model import SpeakerKind
from reader.core.roles import kind_from_role

MACHINE_ROLE = "Management (machine translation)"
"""Role of the unnamed speaker of the site's machine-translated Mandarin answers."""
MANAGEMENT_ROLE = "Management"
"""Role of an unnamed manager speaking English (answers, hand-backs, closing remarks)."""
IR_ROLE = "Investor Relations"


class People:
    """The roster (names the text gives, with roles) and the speakers made for them."""

    def __init__(self, draft: Draft) -> None:
        self.draft = draft
        self.roster: dict[str, str | None] = {}

    def person(self, name: str, role: str | None = None) -> int:
        """A named manager; roles come from the hand-off, else from the introductions."""
        canonical = self.resolve(name) or name
        role = role or self.roster.get(canonical)
        if canonical not in self.roster or (role and not self.roster.get(canonical)):
            self.roster[canonical] = role
        kind = kind_from_role(role)
        if kind in (SpeakerKind.UNKNOWN, SpeakerKind.ANALYST):
            kind = SpeakerKind.EXECUTIVE
        return self.draft.speaker_id(canonical, role=role, kind=kind)

    def resolve(self, name: str) -> str | None:
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

    def role_holder(self, role: str) -> str | None:
        hits = [n for n, r in self.roster.items() if r and r.casefold() == role.casefold()]
        return hits[0] if len(hits) == 1 else None

    def read_roster(self, text: str) -> None:
        low = text.lower()
        if not any(word in low for word in pat.ROSTER_GATE):
            return
        # Both patterns are tried only where a match can start (see pat.scan): presentations
        # are long, and the patterns open with a name or "\bour", which no scan can skip to.
        for m in itertools.chain(pat.scan(pat.ROSTER_NAME_ROLE, text, pat.name_starts(text)),
                                 pat.scan(pat.ROSTER_ROLE_NAME, text, pat.word_starts(text, ("our",)))):
            name = pat.clean_name(m.group("name"))
            if name and not self.roster.get(name):
                self.roster[name] = pat.clean_role(m.group("role"))

    def handoff(self, text: str, *, known_only: bool = False) -> int | None:
        """The speaker a paragraph hands the call to, if it names or describes one.

        With `known_only`, only people the call has already named count: a manager's
        "Karen." or "let Alex answer" picks someone introduced earlier, and a garbled
        machine rendering cannot bring in a new name.
        """
        found: int | None = None
        lowered = text.lower()
        gate = " to " in lowered and ("turn" in lowered or "hand" in lowered or "pass" in lowered)
        matches = (pat.scan(pat.HANDOFF, text, pat.word_starts(text, ("turn", "hand", "pass"))) if gate
                   else iter(()))
        for m in matches:
            name = pat.clean_name(m.group("name") or "")
            role = pat.clean_role(m.group("role2") or m.group("role1") or "")
            if name:
                known = self.resolve(name)
                if known or not known_only:
                    found = self.person(known or name, role)
            elif role:
                holder = self.role_holder(role)
                if holder:
                    found = self.person(holder)
                elif not known_only:
                    found = self.draft.speaker_id(None, role=role, kind=SpeakerKind.EXECUTIVE)
        if found is None:
            let = ((next(pat.scan(pat.LET_ANSWER, text, pat.word_starts(text, ("let",))), None)
                    if "let " in lowered else None)
                   or pat.OVER_TO_YOU.search(text[-200:]))
            known = self.resolve(pat.clean_name(let.group("name")) or "") if let else None
            if known is None and self.roster:
                bare = pat.VOCATIVE_END.search(text[-60:])
                known = self.resolve(pat.clean_name(bare.group("name")) or "") if bare else None
            if known:
                found = self.person(known)
        return found

    def management(self) -> int:
        return self.draft.speaker_id(None, role=MANAGEMENT_ROLE, kind=SpeakerKind.EXECUTIVE)
