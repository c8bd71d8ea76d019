"""The sources manifest and access to source files.

The manifest (manifest.json, in the repo) lists every file the build reads with its checksum,
publisher, licence, attribution and, where one exists, the official URL a user outside this
workspace downloads it from. Readers open files only through `SourceFile`, which registers the
provenance row every fact points to and counts rows read and loaded.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from .errors import MissingSourceError, SourceError


@dataclass(frozen=True)
class ManifestEntry:
    path: str
    sha256: str
    publisher: str
    dataset: str
    licence: str
    attribution: str
    table: str | None = None
    period: str | None = None
    url: str | None = None  # the publisher's page for the dataset
    download_url: str | None = None  # a direct address whose bytes match sha256
    rows: int | None = None  # data rows expected (CSV/TSV), to catch truncated files


def load_manifest() -> dict[str, ManifestEntry]:
    text = resources.files("lmi_backend.etl").joinpath("manifest.json").read_text("utf-8")
    return {e["path"]: ManifestEntry(**e) for e in json.loads(text)["files"]}


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def how_to_get(entry: ManifestEntry) -> str:
    if entry.download_url:
        return f"run `lmi fetch` to download it from {entry.download_url}"
    shared = (
        "copy it from the team's shared lmi-sources folder (see SOURCES.md there) and point "
        "--sources or LMI_SOURCES at that folder"
    )
    if entry.url:
        return f"it is derived from {entry.publisher}'s data at {entry.url}; {shared}"
    return shared


def require(sources: Path, entry: ManifestEntry) -> Path:
    path = sources / entry.path
    if not path.is_file():
        raise MissingSourceError(
            f"Missing source file {entry.path} (expected in {sources}): {how_to_get(entry)}."
        )
    return path


@dataclass
class SourceFile:
    """One opened source file with its provenance id and row counters."""

    entry: ManifestEntry
    path: Path
    provenance_id: int
    sha256: str
    rows_read: int = 0
    rows_loaded: int = 0
    warnings: list[str] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.entry.path

    def error(self, row: int | None, rule: str, detail: str = "") -> SourceError:
        return SourceError(self.name, row, rule, detail)

    def records(
        self, delimiter: str = ",", encoding: str = "utf-8-sig"
    ) -> Iterator[tuple[int, dict[str, str]]]:
        """Rows of a delimited file as (line number, {header: text}); a row with the wrong number
        of fields (a cut-off file, a stray delimiter) stops the build."""
        with open(self.path, newline="", encoding=encoding) as fh:
            reader = csv.reader(
                fh, delimiter=delimiter, quoting=csv.QUOTE_MINIMAL if delimiter == "," else csv.QUOTE_NONE
            )
            try:
                header = next(reader)
            except StopIteration:
                raise self.error(1, "file is empty") from None
            count = 0
            for fields in reader:
                line = reader.line_num
                if not fields:
                    continue
                if len(fields) != len(header):
                    raise self.error(
                        line,
                        "row has the wrong number of fields",
                        f"{len(fields)} fields, header has {len(header)}; truncated or malformed row",
                    )
                count += 1
                self.rows_read += 1
                yield line, dict(zip(header, fields))
        expected = self.entry.rows
        if expected is not None and count != expected:
            raise self.error(
                None,
                "row count differs from the manifest",
                f"expected {expected} data rows, found {count}; file truncated or replaced",
            )

    def read_json(self):
        try:
            return json.loads(self.path.read_text("utf-8"))
        except json.JSONDecodeError as exc:
            raise self.error(exc.lineno, "file is not valid JSON", exc.msg) from None
