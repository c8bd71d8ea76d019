"""What of the conversation so far applies to the question being answered: the written policy
of docs/dialogue-state.md, in code. It is here rather than in the bot because any front end
holding the same conversation needs the same rules.

Two kinds of things a user says about the dimensions of a figure (place, sex, work pattern,
qualification, age):
- facts about themselves ("I'm 17", "I live in Leeds", "I've got A levels", "I want to work
  part-time", "I'm a girl"): kept for the whole conversation until they say otherwise;
- qualifiers of one question ("in Wales", "for women", "part-time", "at 25", "with a degree"):
  kept while the user follows up on that question, and dropped by a new full question or by a
  question whose topic cannot use them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

DIMENSIONS = ("region", "gender", "status", "qualification", "age")
# what a fact about the user changes: their place is where figures are for; the rest give a
# personal figure beside the general one
PERSONAL = ("gender", "status", "qualification", "age")


@dataclass(frozen=True)
class Said:
    """What one message gives, as codes (region 0: the whole UK), and how it is asked."""

    values: Mapping[str, int] = field(default_factory=dict)
    about_me: frozenset[str] = frozenset()  # of `values`, those the user said about themselves
    new_question: bool = False  # a whole new question, not a follow-up
    uses: frozenset[str] = frozenset(DIMENSIONS)  # the dimensions the topic asked can use


@dataclass(frozen=True)
class State:
    facts: Mapping[str, int] = field(default_factory=dict)  # about the user
    qualifiers: Mapping[str, int] = field(default_factory=dict)  # of the question being followed up

    def advance(self, said: Said) -> State:
        """The state after one message: its facts replace the user's old ones; its qualifiers
        join those of the question it follows up (or start afresh for a new question); a
        qualifier the topic asked cannot use ends, so it never comes back unasked."""
        facts = {**self.facts, **{d: v for d, v in said.values.items() if d in said.about_me}}
        kept = {} if said.new_question else {d: v for d, v in self.qualifiers.items() if d in said.uses}
        new = {d: v for d, v in said.values.items() if d not in said.about_me}
        # a fact said now also answers this question ("I'm in Wales, what do nurses earn?")
        for d in said.about_me & set(said.values):
            kept.pop(d, None)
        return State(facts, {**kept, **new})

    def question(self) -> dict[str, int]:
        """The codes the question is asked for: its qualifiers, and where the user lives."""
        codes = dict(self.qualifiers)
        if "region" not in codes and "region" in self.facts:
            codes["region"] = self.facts["region"]
        return codes

    def personal(self) -> dict[str, int]:
        """The user's own sex, work pattern, qualification and age that the question does not
        already fix: a figure for them goes beside the general one."""
        return {d: v for d, v in self.facts.items() if d in PERSONAL and d not in self.qualifiers}
