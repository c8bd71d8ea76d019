"""5-fold cross-validation of the NLU pipeline (config.yml) on bot/data: prints intent macro-F1
and the F1 of the job and region entities (targets: intent macro-F1 >= 0.92, job/region entity
F1 >= 0.90).

    .venv/bin/python benchmarks/nlu_cross_validation.py [--folds 5] [--out DIR]

Runs `rasa test nlu --cross-validation` from the repository root (the spaCy pipeline is named
by a path relative to it) and reads the reports Rasa writes for the held-out folds. On the
2-core machine this takes about 15 minutes: five trainings.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENTITIES = ("job", "region", "age", "qualification", "work_pattern")


def run(folds: int, out: Path) -> float:
    sys.path.insert(0, str(ROOT))
    from bot import build_spacy, lookups
    from bot.runtime.prepare import quiet_rasa_env

    lookups.write()
    build_spacy.ensure()
    started = time.monotonic()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "rasa",
            "test",
            "nlu",
            "--cross-validation",
            "--folds",
            str(folds),
            "--config",
            "config.yml",
            "--nlu",
            "bot/data",
            "--out",
            str(out),
        ],
        cwd=ROOT,
        env=quiet_rasa_env(),
        check=True,
    )
    return time.monotonic() - started


def report(out: Path) -> dict:
    intents = json.loads((out / "intent_report.json").read_text())
    entities = json.loads((out / "CRFEntityExtractor_report.json").read_text())
    return {
        "intent_macro_f1": intents["macro avg"]["f1-score"],
        "intent_accuracy": intents.get("accuracy"),
        "entity_f1": {name: entities[name]["f1-score"] for name in ENTITIES if name in entities},
        "entity_macro_f1": entities["macro avg"]["f1-score"],
        "weakest_intents": sorted(
            (
                (k, round(v["f1-score"], 3))
                for k, v in intents.items()
                if isinstance(v, dict)
                and "support" in v
                and k not in ("macro avg", "weighted avg", "micro avg")
            ),
            key=lambda kv: kv[1],
        )[:5],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--out", type=Path, help="keep Rasa's reports here (default: a temp folder)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = args.out or Path(tmp)
        seconds = run(args.folds, out)
        figures = report(out)
    print(f"{args.folds}-fold cross-validation in {seconds / 60:.1f} min")
    print(
        f"intent macro-F1: {figures['intent_macro_f1']:.3f} (target >= 0.92); "
        f"accuracy {figures['intent_accuracy']:.3f}"
    )
    for name, f1 in figures["entity_f1"].items():
        target = " (target >= 0.90)" if name in ("job", "region") else ""
        print(f"entity {name} F1: {f1:.3f}{target}")
    print(f"weakest intents: {figures['weakest_intents']}")
    ok = figures["intent_macro_f1"] >= 0.92 and all(
        figures["entity_f1"].get(n, 0) >= 0.90 for n in ("job", "region")
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
