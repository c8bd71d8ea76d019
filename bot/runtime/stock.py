"""The stock switch: serve with Rasa exactly as shipped, none of the launcher's speed fixes.

`python -m bot.runtime --stock-rasa`, or CAREERS_STOCK_RASA=1 in the environment of the launcher
or of a Rasa server started another way (deploy/careers-rasa@.service). Kept apart from
bot.runtime.rasa_server so the launcher can read it without importing Rasa.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

ENV = "CAREERS_STOCK_RASA"


def wanted(environ: Mapping[str, str] = os.environ) -> bool:
    """Whether Rasa is to run as shipped (CAREERS_STOCK_RASA set to 1, true or yes)."""
    return environ.get(ENV, "").strip().lower() in ("1", "true", "yes")
