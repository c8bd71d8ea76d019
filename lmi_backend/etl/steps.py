"""The build's steps, in order. SOC first: every later reader validates codes against it."""
from __future__ import annotations

from typing import Callable

from .context import BuildContext
from .readers import reference, soc

Step = Callable[[BuildContext], None]

STEPS: list[tuple[str, Step]] = [
    ("reference code lists", reference.load),
    ("SOC2010 hierarchy, descriptions and job titles", soc.load),
]
