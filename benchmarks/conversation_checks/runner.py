"""Plays every scripted conversation through the assistant's REST channel and tallies the turns
fully right, overall and by class, for the tuning and held-out parts."""

from __future__ import annotations

import uuid
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .checks import Failure, Names, Reply, State, check_turn
from .sources import Sources
from .spec import Conversation, load

Send = Callable[[str, str], list[dict[str, Any]]]  # (sender id, message) -> the bot's messages
PARTS = ("all", "tuning", "held-out")


@dataclass
class TurnResult:
    conversation: Conversation
    number: int  # 1-based
    user: str
    cls: str
    reply: Reply
    failures: list[Failure]

    @property
    def right(self) -> bool:
        return not self.failures


@dataclass
class Evaluation:
    turns: list[TurnResult] = field(default_factory=list)

    def part(self, name: str) -> list[TurnResult]:
        if name == "all":
            return self.turns
        heldout = name == "held-out"
        return [t for t in self.turns if t.conversation.heldout == heldout]

    def share_right(self, name: str = "all") -> float:
        turns = self.part(name)
        return sum(t.right for t in turns) / len(turns) if turns else 0.0

    def by_class(self, name: str = "all") -> dict[str, tuple[int, int]]:
        tally: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for turn in self.part(name):
            tally[turn.cls][0] += turn.right
            tally[turn.cls][1] += 1
        return {cls: (right, total) for cls, (right, total) in sorted(tally.items())}

    def failure_kinds(self, name: str = "all") -> Counter[str]:
        """How many turns failed each kind of check."""
        return Counter(kind for t in self.part(name) for kind in {f.kind for f in t.failures})

    def report(self) -> str:
        lines = []
        for name in PARTS:
            turns = self.part(name)
            conversations = len({t.conversation.id for t in turns})
            right = sum(t.right for t in turns)
            lines.append(
                f"{name:9} {right}/{len(turns)} turns fully right ({100 * self.share_right(name):.1f}%), "
                f"{conversations} conversations"
            )
        lines.append("")
        lines.append(f"{'class':28} {'all':>13} {'tuning':>13} {'held-out':>13}")
        classes = self.by_class("all")
        for cls in classes:
            cells = []
            for name in PARTS:
                right, total = self.by_class(name).get(cls, (0, 0))
                cells.append(f"{right}/{total} {100 * right / total:3.0f}%" if total else "-")
            lines.append(f"{cls:28} " + " ".join(f"{c:>13}" for c in cells))
        lines.append("")
        lines.append("Commonest failure kinds (turns failing each; a turn can fail several):")
        for kind, count in self.failure_kinds().most_common(12):
            lines.append(f"  {count:4}  {kind}")
        return "\n".join(lines)

    def failures_text(self) -> str:
        out = []
        for t in self.turns:
            if t.right:
                continue
            part = "held-out" if t.conversation.heldout else "tuning"
            out.append(f"--- {t.conversation.id} turn {t.number} [{t.cls}, {part}]")
            out.append(f"user: {t.user}")
            buttons = ", ".join(str(b.get("title")) for b in t.reply.buttons)
            out.append(
                "bot:  "
                + t.reply.text.replace("\n", "\n      ")
                + (f"\n      [{buttons}]" if buttons else "")
            )
            out += [f"  x {f.kind}: {f.detail}" for f in t.failures]
        return "\n".join(out)


def run_conversation(
    conversation: Conversation, send: Send, sources: Sources, names: Names
) -> list[TurnResult]:
    sender = f"eval-{conversation.id}-{uuid.uuid4().hex[:8]}"  # a fresh conversation each run
    state = State()
    results = []
    for number, turn in enumerate(conversation.turns, start=1):
        try:
            reply = Reply.from_rest(send(sender, turn.user))
            failures = check_turn(turn, reply, state, sources, names)
        except OSError as error:  # the server failed the request: a failed turn, not a crash
            reply = Reply([], [])
            failures = [Failure("request failed", repr(error))]
        results.append(TurnResult(conversation, number, turn.user, turn.cls, reply, failures))
    return results


def evaluate(send: Send, sources: Sources | None = None, only: str | None = None) -> Evaluation:
    """Every conversation (those whose id starts with `only`, when given), in order."""
    sources = sources or Sources()
    names = Names(sources)
    evaluation = Evaluation()
    for conversation in load(set(sources.titles)):
        if only and not conversation.id.startswith(only):
            continue
        evaluation.turns += run_conversation(conversation, send, sources, names)
    return evaluation
