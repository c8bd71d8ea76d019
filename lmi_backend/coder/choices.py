"""A typed answer to "which of these is it?": "secondary" after secondary, primary and further
education teachers were offered. Numbers and "the second one" are read by the NLU; this reads
the words, so a young person need not find the button."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

_WORD = re.compile(r"[a-z]+")
_TOO_SHORT = 3
_TYPO = 85  # rapidfuzz ratio at which a typed word is taken for a title's word ("secondry")


_FILLER = {"the", "and", "one", "ones", "job", "jobs", "that", "this", "for", "with", "like", "mean", "meant"}


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if len(w) >= _TOO_SHORT and w not in _FILLER}


def _matches(typed: str, title_words: set[str]) -> bool:
    return any(
        w == typed or w.startswith(typed) or typed.startswith(w) or fuzz.ratio(w, typed) >= _TYPO
        for w in title_words
    )


# words of a reply that say which kind without naming it ("the electrical kind", "at a uni")
_NOT_THE_KIND = _FILLER | {
    "a",
    "an",
    "at",
    "in",
    "on",
    "of",
    "kind",
    "type",
    "sort",
    "i",
    "im",
    "work",
    "works",
}


def kind_phrase(text: str, asked: str) -> str | None:
    """The words to code for a kind the choices left out: "the electrical kind" after "which
    engineers?" is "electrical engineers", "at a uni" after "which teachers?" is "uni teachers".
    None when the reply has no words of its own (or more than a job title's worth)."""
    head = asked.split()[-1] if asked.split() else ""
    own = [w for w in _WORD.findall(text.lower()) if w not in _NOT_THE_KIND]
    if not head or not own or len(own) > 4:
        return None
    return " ".join(own if head.rstrip("s") in {w.rstrip("s") for w in own} else [*own, head])


def pick(text: str, offered: list[tuple[int, str]]) -> int | None:
    """The SOC code of the one offered job whose title the typed words point to, or None when
    they point to none or to several. Words every offered title shares ("teaching") tell them
    apart no better than none."""
    titles = {soc: _words(title) for soc, title in offered}
    if not titles:
        return None
    shared = set.intersection(*titles.values())
    typed = _words(text) - shared
    scores = {soc: sum(_matches(t, words - shared) for t in typed) for soc, words in titles.items()}
    best = max(scores.values(), default=0)
    winners = [soc for soc, score in scores.items() if score == best]
    return winners[0] if best > 0 and len(winners) == 1 else None
