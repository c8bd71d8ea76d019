"""The SOC coder and the LMI service, opened once per action-server process."""
from __future__ import annotations

from functools import lru_cache

from lmi_backend import config


@lru_cache(maxsize=1)
def service():
    from lmi_backend.service import LmiService
    return LmiService(config.db_path())


def coder():
    from lmi_backend.coder import get_coder
    return get_coder(config.db_path())  # cached per database path by the coder itself
