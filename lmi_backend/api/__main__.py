"""python -m lmi_backend.api [--host H] [--port P] [--workers N]: what `lmi serve-api` runs."""

from __future__ import annotations

import sys

from ..cli import main

if __name__ == "__main__":
    sys.exit(main(["serve-api", *sys.argv[1:]]))
