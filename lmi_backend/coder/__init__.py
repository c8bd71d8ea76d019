"""The SOC coder: young people's job words -> SOC2010 unit groups, asking when unsure.

from lmi_backend.coder import get_coder
get_coder().code("sparky")  # CodingResult([Candidate(5241, "Electricians ...", 0.97, ...)], False)
"""

from __future__ import annotations

import threading

from .. import config
from .matcher import SocCoder
from .result import Candidate, CodingResult

__all__ = ["Candidate", "CodingResult", "SocCoder", "get_coder"]

_coders: dict[config.Location, SocCoder] = {}
_lock = threading.Lock()


def get_coder(db_path: config.Location | None = None) -> SocCoder:
    """The coder for a database (file or server URL), loaded once per database and shared (the
    bot, the CLI and the service all call this)."""
    location = config.database(db_path)
    with _lock:
        coder = _coders.get(location)
        if coder is None:
            coder = _coders[location] = SocCoder.from_db(location)
    return coder
