"""`lmi fetch` downloads only what is missing, checks checksums, and never touches the network
in tests (httpx.MockTransport stands in for the publishers' servers)."""

from __future__ import annotations

import hashlib

import httpx

from lmi_backend.etl.fetch import fetch_missing
from lmi_backend.etl.sources import ManifestEntry

# Synthetic test fixture, not real data.
GOOD = b"code,name\n1,London\n"
BAD = b"something else entirely"


def _entry(path: str, url: str | None, content: bytes = GOOD) -> ManifestEntry:
    return ManifestEntry(
        path=path,
        sha256=hashlib.sha256(content).hexdigest(),
        publisher="Test",
        dataset="synthetic",
        licence="test",
        attribution="test",
        url="https://example.invalid/page",
        download_url=url,
    )


def _client(calls: list[str]) -> httpx.Client:
    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(str(request.url))
        if request.url.path == "/good.csv":
            return httpx.Response(200, content=GOOD)
        if request.url.path == "/tampered.csv":
            return httpx.Response(200, content=BAD)
        return httpx.Response(404)

    return httpx.Client(transport=httpx.MockTransport(handler))


def test_downloads_missing_files_and_verifies_them(tmp_path):
    calls: list[str] = []
    manifest = {
        "a/good.csv": _entry("a/good.csv", "https://data.invalid/good.csv"),
        "a/tampered.csv": _entry("a/tampered.csv", "https://data.invalid/tampered.csv"),
        "a/gone.csv": _entry("a/gone.csv", "https://data.invalid/gone.csv"),
        "a/derived.csv": _entry("a/derived.csv", None),
    }
    report = fetch_missing(tmp_path, client=_client(calls), manifest=manifest)
    assert (tmp_path / "a/good.csv").read_bytes() == GOOD
    assert report.downloaded == ["a/good.csv"]
    assert not (tmp_path / "a/tampered.csv").exists(), "a file failing its checksum is not kept"
    assert any("checksum mismatch" in f for f in report.failed)
    assert any(f.startswith("a/gone.csv") and "404" in f for f in report.failed)
    assert report.manual and "example.invalid/page" in report.manual[0]
    assert len(calls) == 3

    again: list[str] = []
    report = fetch_missing(tmp_path, client=_client(again), manifest=manifest)
    assert "a/good.csv" in report.present and "https://data.invalid/good.csv" not in again
