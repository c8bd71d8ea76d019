"""Job-title text: turning the ONS index's inverted titles into the words people use."""
from __future__ import annotations

import re

_PARENS = re.compile(r"\s*\([^)]*\)")


def natural_order(indexed: str) -> str:
    """"Engineer, heating" -> "heating engineer"; "Manager, improvement, continuous" ->
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
