"""Runs the whole assistant from one command: set-up steps, the three servers, clean shutdown.

`python -m bot.runtime` (what scripts/run calls) prepares whatever is missing or stale, starts
the action server, the Rasa server and the web chat page, and stops all of them on Ctrl-C.
"""
