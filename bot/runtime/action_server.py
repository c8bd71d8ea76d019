"""Runs Rasa's action server (`python -m bot.runtime.action_server --actions bot.actions ...`)
with the SOC coder and the LMI service loaded before its workers start.

Both were loaded on each worker's first question (the job-title index takes about a second, the
service's lookups a quarter), so the first young person to ask after a start waited that much
longer, and under load every message sent to that worker queued behind it. Loaded here, in the
process that starts the workers, they are ready in all of them, and the workers share their
memory until they write to it. No database connection crosses the fork: the coder closes its
own once it has read the index, and the service's is closed here (each worker opens its own on
its first query).
"""
from __future__ import annotations

from rasa_sdk.__main__ import main as rasa_sdk_main

from bot.actions import backend


def main() -> None:
    backend.coder()
    backend.service().close()
    rasa_sdk_main()


if __name__ == "__main__":
    main()
