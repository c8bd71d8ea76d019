"""Running a browser script from web/tests (Node, playwright-core, Debian's Chromium), which
prints one JSON line: {"ok": true, ...} or {"ok": false, "error": ...}."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from assistant_stack import ROOT

WEB = ROOT / "web"
CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))


def run_node(script: str, plan: dict) -> dict:
    """The script's report; fails the test with the script's error when it is not ok."""
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} not found: install Debian's browser "
            "(apt-get install -y chromium chromium-driver) or set CHROMIUM_PATH"
        )
    assert shutil.which("node"), "Node.js is needed to drive the browser"
    done = subprocess.run(
        ["node", f"tests/{script}", json.dumps(plan)], cwd=WEB, capture_output=True, text=True, timeout=600
    )
    lines = done.stdout.strip().splitlines()
    report = json.loads(lines[-1]) if lines else {"ok": False, "error": done.stderr}
    assert report["ok"], f"{report.get('error')}\nbrowser stderr: {done.stderr[-2000:]}"
    return report
