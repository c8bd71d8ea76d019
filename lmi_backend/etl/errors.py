"""The one error a bad source raises: it names the file, the row and the rule it broke."""

from __future__ import annotations


class SourceError(Exception):
    def __init__(self, file: str, row: int | None, rule: str, detail: str = "") -> None:
        self.file, self.row, self.rule, self.detail = file, row, rule, detail
        where = f"{file}, row {row}" if row is not None else file
        super().__init__(f"{where}: {rule}" + (f" ({detail})" if detail else ""))


class MissingSourceError(Exception):
    """A source file is not in the sources directory; the message says how to get it."""
