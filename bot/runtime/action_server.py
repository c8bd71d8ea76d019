"""Runs Rasa's action server (`python -m bot.runtime.action_server --actions bot.actions ...`)
with the SOC coder loaded before its workers start.

The coder (the job-title index, about a second to build) was loaded on each worker's first
question, so the first young person to ask after a start waited a second longer, and under load
every message sent to that worker queued behind it. Built here, in the process that starts the
workers, it is ready in all of them, and they share its memory until they write to it. It is
safe to carry across the fork: it reads everything it needs from the database and closes it.
"""
from __future__ import annotations

from rasa_sdk.__main__ import main as rasa_sdk_main

from bot.actions import backend


def main() -> None:
    backend.coder()
    rasa_sdk_main()


if __name__ == "__main__":
    main()
