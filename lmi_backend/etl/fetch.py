"""`lmi fetch`: download missing source files into a cache, checking each against the manifest.

Only files with a `download_url` whose bytes match the manifest checksum can be fetched; the rest
are derived tables, and the report says where their publisher's data lives.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from .sources import ManifestEntry, how_to_get, load_manifest


@dataclass
class FetchReport:
    present: list[str] = field(default_factory=list)
    downloaded: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    manual: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        out = [
            f"{len(self.present)} present, {len(self.downloaded)} downloaded, "
            f"{len(self.failed)} failed, {len(self.manual)} to obtain by hand"
        ]
        out += [f"downloaded {p}" for p in self.downloaded]
        out += [f"FAILED {p}" for p in self.failed]
        out += [f"by hand: {p}" for p in self.manual]
        return out


def fetch_missing(
    dest: Path, client: httpx.Client | None = None, manifest: dict[str, ManifestEntry] | None = None
) -> FetchReport:
    manifest = manifest if manifest is not None else load_manifest()
    report = FetchReport()
    own_client = client is None
    client = client or httpx.Client(follow_redirects=True, timeout=60)
    try:
        for rel, entry in sorted(manifest.items()):
            target = dest / rel
            if target.is_file():
                report.present.append(rel)
            elif not entry.download_url:
                report.manual.append(f"{rel}: {how_to_get(entry)}")
            else:
                error = _download(client, entry, target)
                (report.failed if error else report.downloaded).append(f"{rel}: {error}" if error else rel)
    finally:
        if own_client:
            client.close()
    return report


def _download(client: httpx.Client, entry: ManifestEntry, target: Path) -> str | None:
    """Download to a temporary name and rename only when the checksum matches."""
    try:
        response = client.get(entry.download_url or "")
        response.raise_for_status()
    except httpx.HTTPError as exc:
        return f"download failed: {exc}"
    digest = hashlib.sha256(response.content).hexdigest()
    if digest != entry.sha256:
        return f"checksum mismatch (got {digest[:12]}, manifest {entry.sha256[:12]})"
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    partial.write_bytes(response.content)
    partial.replace(target)
    return None
