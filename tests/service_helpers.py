"""Shared by the estimates and service tests: source files read directly (the figures the
tests compare against)."""

from __future__ import annotations

import csv
from pathlib import Path

MISSING = ("*", "-", "x", "..", ":", "")


def rows(path: Path) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8-sig") as fh:
        return list(csv.DictReader(fh))


def number(text: str) -> float | None:
    """A published cell as a number, None for any missing-value marker."""
    return None if text.strip() in MISSING else float(text)
