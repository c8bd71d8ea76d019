"""Runs the whole assistant from one command: set-up steps, the servers, restarts, clean shutdown.

`python -m bot.runtime` (what scripts/run calls) prepares whatever is missing or stale, starts
the action server, the Rasa server and the web chat page, starts again any server that stops
(bot.runtime.supervisor), and stops all of them on Ctrl-C. bot.runtime.deployment and deploy/
run the same servers on several hosts.
"""
