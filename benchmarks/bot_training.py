"""Times a full training of the Rasa assistant from scratch (no training cache) and prints the
model's size (target: <= 5 minutes on the 2-core machine).

    .venv/bin/python benchmarks/bot_training.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from bot import build_spacy, lookups
    from bot.runtime.prepare import quiet_rasa_env

    lookups.write()
    build_spacy.ensure()
    with tempfile.TemporaryDirectory() as tmp:
        env = quiet_rasa_env() | {"RASA_CACHE_DIRECTORY": str(Path(tmp) / "cache")}
        started = time.monotonic()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "rasa",
                "train",
                "--config",
                "config.yml",
                "--domain",
                "bot/domain.yml",
                "--data",
                "bot/data",
                "--out",
                tmp,
                "--fixed-model-name",
                "bench",
            ],
            cwd=ROOT,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        seconds = time.monotonic() - started
        size = (Path(tmp) / "bench.tar.gz").stat().st_size
    print(f"training time: {seconds / 60:.1f} min ({seconds:.0f} s; target <= 5 min, {os.cpu_count()} cores)")
    print(f"model size: {size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
