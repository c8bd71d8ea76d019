"""Conversation-level evaluation: the scripted conversations of benchmarks/conversations/ played
through the assistant's REST channel, each turn checked against the published figures read from
the source files (benchmarks/conversation_checks/). Prints the turns fully right, overall and by
class, for the tuning part and the held-out part (benchmarks/conversations/heldout/) apart.

    .venv/bin/python benchmarks/conversation_eval.py               # starts the assistant itself
    .venv/bin/python benchmarks/conversation_eval.py --url http://localhost:5005 --failures
    .venv/bin/python benchmarks/conversation_eval.py --only sex-   # the conversations whose id starts so

`--failures` prints each failing turn of the tuning part with the reply and the checks it failed;
the held-out part is for measuring, not for tuning, so its failures are printed only with
`--heldout-failures`.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.conversation_checks.runner import Evaluation, evaluate  # noqa: E402
from bot.runtime.local_cluster import rest  # noqa: E402


def rest_sender(url: str, timeout: float = 60):
    return lambda sender, message: rest(url, sender, message, timeout)


def run(url: str | None, only: str | None) -> Evaluation:
    if url:
        return evaluate(rest_sender(url.rstrip("/")), only=only)
    from tests.assistant_stack import running_assistant

    with tempfile.TemporaryDirectory() as workdir, running_assistant(Path(workdir)) as stack:
        print(f"assistant ready in {stack.ready_seconds:.0f} s", file=sys.stderr)
        return evaluate(stack.rest, only=only)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="a running assistant's Rasa server (else one is started)")
    parser.add_argument("--failures", action="store_true", help="print each failing turn (tuning part)")
    parser.add_argument(
        "--heldout-failures", action="store_true", help="print the held-out part's failing turns too"
    )
    parser.add_argument("--only", help="only conversations whose id starts with this")
    args = parser.parse_args()
    start = time.perf_counter()
    evaluation = run(args.url, args.only)
    if args.failures:
        shown = Evaluation(
            [t for t in evaluation.turns if args.heldout_failures or not t.conversation.heldout]
        )
        print(shown.failures_text())
        if not args.heldout_failures:
            print("(held-out failures not shown: --heldout-failures shows them)")
        print()
    print(evaluation.report())
    print(f"\n{len(evaluation.turns)} turns in {time.perf_counter() - start:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
