"""`python -m bot.train`: trains the assistant when config.yml, the domain, the training data or
a custom NLU component changed since the last model (bot.runtime.prepare fingerprints them), and
says which model is current. Used by scripts/bootstrap and scripts/run.
"""
from __future__ import annotations

import argparse
import sys
import time

from bot.runtime.prepare import SetupError, ensure_model


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.train", description=__doc__.splitlines()[0])
    parser.add_argument("--print-path", action="store_true", help="print the model's path on stdout")
    args = parser.parse_args(argv)
    started = time.monotonic()
    try:
        model = ensure_model()
    except SetupError as error:
        print(error, file=sys.stderr)
        return 1
    seconds = time.monotonic() - started
    print(f"Assistant model {model.name}: {model.stat().st_size / 1e6:.1f} MB"
          + (f", trained in {seconds / 60:.1f} min" if seconds > 30 else " (up to date)"), file=sys.stderr)
    if args.print_path:
        print(model)
    return 0


if __name__ == "__main__":
    sys.exit(main())
