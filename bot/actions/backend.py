"""The SOC coder and the LMI service, opened once per action-server process."""

from __future__ import annotations

from functools import lru_cache

from lmi_backend import config


@lru_cache(maxsize=1)
def service():
    from lmi_backend.service import LmiService

    return LmiService(config.database())


@lru_cache(maxsize=1)
def coder():
    """Kept here too: finding the coder by its database path resolved the path on the file
    system for every message (5% of an action server worker's time)."""
    from lmi_backend.coder import get_coder

    return get_coder(config.database())
