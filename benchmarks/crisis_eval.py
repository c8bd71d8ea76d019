"""Prints crisis detection's false positives and misses on the held-out sets in tests/data
(targets: no false positive, no miss).

    .venv/bin/python benchmarks/crisis_eval.py           # the phrase rules (lmi_backend/wellbeing.py)
    .venv/bin/python benchmarks/crisis_eval.py --nlu     # also the NLU classifier alone and the
                                                         # assistant's NLU as a whole (trained model)
    .venv/bin/python benchmarks/crisis_eval.py --list    # each false positive and miss

The rules are also run over the NLU training examples (bot/data/nlu): the `distress` examples
must be caught and the 6,000-odd examples of every other intent must not; those were written by
others, before the rules, so they show how far the rules reach beyond the sets they were
written beside. The classifier is trained on them, so no NLU figure is given for them.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lmi_backend.crisis_evaluation import DISTRESS, EVAL_SETS, ORDINARY, Labelled, Report, evaluate, load  # noqa: E402
from lmi_backend.wellbeing import read  # noqa: E402


def nlu_examples() -> list[Labelled]:
    """Every NLU training example: `distress` ones as distress, the rest as ordinary."""
    from rasa.shared.nlu.training_data.loading import load_data

    data = load_data(str(ROOT / "bot" / "data" / "nlu"))
    return [
        Labelled(DISTRESS if m.get("intent") == "distress" else ORDINARY, m.get("intent"), m.get("text"))
        for m in data.intent_examples
    ]


def parses(texts: list[str]) -> dict[str, dict]:
    """The trained assistant's NLU reading of each text (models/, as scripts/bootstrap trains it)."""
    from rasa.core.agent import Agent

    from bot.runtime.prepare import model_path

    model = model_path()
    if not model.exists():
        raise SystemExit(
            f"No model for the current training data ({model.name}): run scripts/bootstrap first"
        )

    async def parse_all() -> dict[str, dict]:
        agent = Agent.load(str(model))
        return {text: await agent.parse_message(text) for text in texts}

    return asyncio.run(parse_all())


def show(name: str, report: Report, listed: bool) -> None:
    print(f"  {name:<34} {report.line()}")
    if listed:
        for item in report.false_positives:
            print(f"      false positive [{item.category}]: {item.message}")
        for item in report.misses:
            print(f"      missed [{item.category}]: {item.message}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--nlu", action="store_true", help="also the trained NLU (loads the model, ~1 min)")
    ap.add_argument("--list", action="store_true", help="list each false positive and miss")
    args = ap.parse_args(argv)
    sets = {name: load(path) for name, path in EVAL_SETS.items()}
    rules = lambda text: read(text).distress  # noqa: E731
    failed = False
    for name, items in sets.items():
        print(f"{name} ({EVAL_SETS[name].relative_to(ROOT)}):")
        report = evaluate(items, rules)
        show("phrase rules", report, args.list)
        failed |= bool(report.false_positives or report.misses)
    examples = nlu_examples()
    started = time.perf_counter()
    print("NLU training examples (bot/data/nlu):")
    show("phrase rules", evaluate(examples, rules), args.list)
    print(f"rules: {(time.perf_counter() - started) / len(examples) * 1e6:.0f} µs a message")
    if args.nlu:
        from bot.crisis_check import CHECK_KEY

        everything = [item.message for items in sets.values() for item in items]
        parsed = parses(everything)

        def classifier(text: str) -> bool:
            parse = parsed[text]
            return (parse.get(CHECK_KEY) or {}).get("classifier", parse["intent"]["name"]) == DISTRESS

        for name, items in sets.items():
            print(f"{name}, through the trained NLU:")
            show("NLU distress intent alone", evaluate(items, classifier), args.list)
            combined = evaluate(items, lambda text: parsed[text]["intent"]["name"] == DISTRESS)
            show("assistant (rules + NLU)", combined, args.list)
            failed |= bool(combined.false_positives or combined.misses)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
