"""Job-title text: turning the ONS index's inverted titles into the words people use."""

from __future__ import annotations

import re

_PARENS = re.compile(r"\s*\([^)]*\)")


def natural_order(indexed: str) -> str:
    """ "Engineer, heating" -> "heating engineer"; "Manager, improvement, continuous" ->
    "continuous improvement manager". The ONS index puts the head noun first and qualifiers after
    commas, most specific last; people say them the other way round."""
    text = _PARENS.sub("", indexed).strip()
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if len(parts) < 2:
        return parts[0] if parts else indexed.strip()
    head = parts[0]
    if head[:1].isupper() and head[1:] == head[1:].lower():  # capital only as the sentence start
        head = head.lower()
    words = " ".join(list(reversed(parts[1:])) + [head])
    return words[:1].upper() + words[1:]


_MINOR_WORDS = {"and", "of", "in", "the", "for", "to", "a", "or", "with"}


def sentence_case(title: str) -> str:
    """ "HEALTH PROFESSIONALS" / "Health Professionals" -> "Health professionals". ONS writes
    major and sub-major group titles in capitals and minor groups in title case, but unit groups
    in sentence case; a reply that falls back to a group reads oddly with capitals mid-sentence.
    Group titles hold no acronyms or names, so lower-casing them loses nothing; a title not
    written in capitals or title case (every unit group) is returned as it is."""
    words = title.split()
    alpha = [w for w in words if w[:1].isalpha()]
    shouty = all(w[:1].isupper() or w in _MINOR_WORDS for w in alpha) and any(
        w[:1].isupper() for w in alpha[1:]
    )
    if not shouty:
        return title
    text = " ".join(words).lower()
    return text[:1].upper() + text[1:]


def lower_first(text: str) -> str:
    """A title mid-sentence: "Plumbers and ..." -> "plumbers and ..." but "IT business
    analysts" stays as it is."""
    return text[:1].lower() + text[1:] if text[1:2].islower() else text
