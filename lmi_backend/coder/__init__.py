"""The SOC coder: young people's job words -> SOC2010 unit groups, asking when unsure.

from lmi_backend.coder import get_coder
get_coder().code("sparky")  # CodingResult([Candidate(5241, "Electricians ...", 0.97, ...)], False)
"""

from __future__ import annotations

import threading
from pathlib import Path

from .. import config
from .matcher import SocCoder
from .result import Candidate, CodingResult

__all__ = ["Candidate", "CodingResult", "SocCoder", "get_coder"]

_coders: dict[Path, SocCoder] = {}
_lock = threading.Lock()


def get_coder(db_path: Path | None = None) -> SocCoder:
    """The coder for a database, loaded once per path and shared (the bot, the CLI and the
    service all call this)."""
    path = config.db_path(db_path).resolve()
    with _lock:
        coder = _coders.get(path)
        if coder is None:
            coder = _coders[path] = SocCoder.from_db(path)
    return coder
