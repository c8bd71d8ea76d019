"""What a reader gets during a build: the staging connection, source files and known codes."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import TextIO

from sqlalchemy import Table, insert, update
from sqlalchemy.engine import Connection

from ..db.provenance import provenance
from .sources import ManifestEntry, SourceFile, require, sha256_of

BATCH = 5000


@dataclass
class BuildContext:
    conn: Connection
    sources: Path
    manifest: dict[str, ManifestEntry]
    out: TextIO = sys.stderr
    opened: list[SourceFile] = field(default_factory=list)
    soc_codes: set[int] = field(default_factory=set)  # every SOC2010 group, all levels
    soc_units: set[int] = field(default_factory=set)  # the 369 unit groups

    def source(self, rel_path: str) -> SourceFile:
        """Open a manifest-listed source and register its provenance row."""
        entry = self.manifest[rel_path]
        path = require(self.sources, entry)
        digest = sha256_of(path)
        result = self.conn.execute(
            insert(provenance).values(
                source_file=entry.path,
                sha256=digest,
                publisher=entry.publisher,
                dataset=entry.dataset,
                table_ref=entry.table,
                period=entry.period,
                licence=entry.licence,
                attribution=entry.attribution,
                url=entry.url,
            )
        )
        src = SourceFile(entry, path, result.inserted_primary_key[0], digest)
        if digest != entry.sha256:
            src.warnings.append(f"{entry.path}: checksum differs from the manifest (a newer or edited copy)")
        self.opened.append(src)
        return src

    def insert(self, table: Table, rows: Iterable[dict], src: SourceFile | None = None) -> int:
        """Insert rows in batches; with `src`, stamp its provenance id and count them as loaded."""
        batch: list[dict] = []
        total = 0
        for row in rows:
            if src is not None:
                row["provenance_id"] = src.provenance_id
            batch.append(row)
            if len(batch) >= BATCH:
                total += self._write(table, batch)
                batch = []
        if batch:
            total += self._write(table, batch)
        if src is not None:
            src.rows_loaded += total
        return total

    def _write(self, table: Table, batch: list[dict]) -> int:
        """One executemany of plain tuples: building SQLAlchemy parameters for each of the
        millions of fact rows cost more than SQLite's own work. Columns a row leaves out take
        their declared default and keys that are not columns are ignored, as with insert()."""
        given = {key for row in batch for key in row}
        columns = [c for c in table.columns if c.key in given or _scalar_default(c) is not None]
        keys = [c.key for c in columns]
        defaults = {c.key: _scalar_default(c) for c in columns}
        names = ", ".join(f'"{c.name}"' for c in columns)
        sql = f'INSERT INTO "{table.name}" ({names}) VALUES ({", ".join("?" for _ in columns)})'
        every = itemgetter(*keys) if len(keys) > 1 else lambda row: (row[keys[0]],)
        params = []
        for row in batch:
            try:
                params.append(every(row))
            except KeyError:  # a row leaving out a column with a default
                params.append(tuple(row.get(k, defaults[k]) for k in keys))
        self.conn.exec_driver_sql(sql, params)
        return len(batch)

    def finish_sources(self) -> None:
        """Write row counts into provenance once every reader has run."""
        for src in self.opened:
            self.conn.execute(
                update(provenance)
                .where(provenance.c.id == src.provenance_id)
                .values(rows_read=src.rows_read, rows_loaded=src.rows_loaded)
            )

    def progress(self, message: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')}] {message}", file=self.out, flush=True)


def _scalar_default(column) -> object:
    default = column.default
    return default.arg if default is not None and default.is_scalar else None
