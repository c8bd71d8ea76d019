"""Rasa's copies made for debug log lines, skipped when the line would not be logged.

On every message Rasa deep-copies the action's events, the policies' events, the parse result
and the rule policy's dialogue states, only to hand the copies to `structlogger.debug(...)`: the
copy keeps the logged value from changing before the line is written. The arguments are built
whether or not debug logging is on, and our replies carry chart data, so this was ~4% of a Rasa
worker's time. Rasa's structlog set-up drops a debug line unless the module's standard logger
is enabled for DEBUG (`structlog.stdlib.filter_by_level`), so when it is not, the object itself
is passed instead of a copy: nothing is logged either way. With `--debug` the copies are made.

The modules use `copy` for nothing else (tests/test_rasa_server.py reads their source to check).
"""

from __future__ import annotations

import copy
import logging
from types import ModuleType
from typing import Any

import rasa.core.policies.rule_policy
import rasa.core.processor

# the Rasa modules whose only use of `copy` is copying debug log arguments
MODULES: tuple[ModuleType, ...] = (rasa.core.processor, rasa.core.policies.rule_policy)


class CopyForDebugLog:
    """The `copy` module as one Rasa module sees it: deep copies only when it logs debug lines."""

    def __init__(self, logger_name: str) -> None:
        self._logger = logging.getLogger(logger_name)

    def __getattr__(self, name: str) -> Any:
        return getattr(copy, name)

    def deepcopy(self, value: Any, memo: Any = None) -> Any:
        if self._logger.isEnabledFor(logging.DEBUG):
            return copy.deepcopy(value, memo)
        return value


def install() -> None:
    for module in MODULES:
        module.copy = CopyForDebugLog(module.__name__)  # type: ignore[attr-defined]
