"""`python -m bot.runtime`: prepare what is missing, run the assistant, stop it on Ctrl-C."""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import signal
import socket
import sys
import tempfile
import time
from pathlib import Path

from bot import channels

from . import prepare, project, rasa_config, stock, webserver
from .supervisor import Service, ServiceFailed, Supervisor, always_ready, http_ok

MAX_WORKERS = 4


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m bot.runtime", description=__doc__)
    p.add_argument(
        "--host",
        default="127.0.0.1",
        help="interface the servers listen on (default 127.0.0.1: this computer only)",
    )
    p.add_argument("--web-port", type=int, default=8080, help="chat page (default 8080)")
    p.add_argument(
        "--rasa-port",
        type=int,
        default=5005,
        help="Rasa server: REST, socket.io and platform webhooks (default 5005)",
    )
    p.add_argument("--actions-port", type=int, default=5055, help="action server (default 5055)")
    p.add_argument(
        "--api-port",
        type=int,
        default=8090,
        help="the LMI for All API, its developer page and the Careerometer (default 8090)",
    )
    p.add_argument(
        "--workers",
        type=int,
        default=min(os.cpu_count() or 1, MAX_WORKERS),
        help="processes the Rasa server answers with, side by side (default: one per "
        f"processor core, at most {MAX_WORKERS}; each holds the model in memory)",
    )
    p.add_argument(
        "--action-workers",
        type=int,
        default=None,
        help="processes the action server answers with (default: half the Rasa "
        "workers, at least one; an action takes a fifth of the processor time "
        "Rasa spends on a message)",
    )
    p.add_argument(
        "--stock-rasa",
        action="store_true",
        default=stock.wanted(),
        help="serve with Rasa exactly as shipped: none of the launcher's speed fixes, Rasa's own "
        f"conversation stores, one Rasa worker (also: {stock.ENV}=1)",
    )
    p.add_argument(
        "--conversations-db",
        type=Path,
        default=project.CONVERSATIONS_DB,
        help="SQLite file of the conversations (default var/conversations.sqlite)",
    )
    p.add_argument(
        "--log-dir", type=Path, default=project.LOGS, help="where the servers' logs go (default var/log)"
    )
    p.add_argument(
        "--ready-timeout",
        type=float,
        default=300,
        help="seconds to wait for the servers to answer (default 300)",
    )
    p.add_argument(
        "--setup-only", action="store_true", help="create what is missing (web packages, model) and exit"
    )
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    started = time.monotonic()
    # SIGINT too: a shell script that starts the assistant in the background (`... &`) hands it
    # SIGINT ignored, and Python then never raises KeyboardInterrupt, so Ctrl-C would do nothing
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _interrupt)
    try:
        prepare.ensure_web_assets()
        model = prepare.ensure_model()
    except prepare.SetupError as error:
        print(error, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nSet-up interrupted; the next start finishes it.", file=sys.stderr)
        return 130
    if args.setup_only:
        print(f"Set-up complete; model {model.relative_to(project.ROOT)}", file=sys.stderr)
        return 0
    ports = (args.web_port, args.rasa_port, args.actions_port, args.api_port)
    busy = [port for port in ports if not _port_free(args.host, port)]
    if busy:
        print(
            f"Port(s) {busy} already in use on {args.host} (is the assistant already "
            "running?). Stop that, or choose others with --web-port/--rasa-port/--actions-port/--api-port.",
            file=sys.stderr,
        )
        return 1
    _report_platforms()

    run_dir = Path(tempfile.mkdtemp(prefix="careers-assistant-"))
    try:
        return _serve(args, model, run_dir, started)
    finally:
        shutil.rmtree(run_dir, ignore_errors=True)


def _services(args: argparse.Namespace, model: Path, run_dir: Path) -> list[Service]:
    """The action server, the Rasa server and the LMI for All API (and, with Rasa's own stores,
    the job that forgets old conversations), with this run's ports and files."""
    endpoints, credentials = rasa_config.write(
        run_dir, args.actions_port, args.conversations_db.absolute(), stock=args.stock_rasa
    )
    token = secrets.token_urlsafe(24)  # guards Rasa's HTTP API; never shown, never stored
    env = {**prepare.quiet_rasa_env(), stock.ENV: "1" if args.stock_rasa else "0"}
    # Rasa's in-memory lock store (the stock one without Redis) serves from one process
    workers = 1 if args.stock_rasa else max(1, args.workers)
    # on two cores one action worker served more messages a second than two, with a lower p95,
    # in 5 of 6 alternating rounds of benchmarks/rest_bench.py: one process fewer competing
    action_workers = max(1, args.action_workers or workers // 2)
    # the supervisor holds the ports across restarts (bot.runtime.handed_socket); stock Rasa
    # opens its own
    handed = not args.stock_rasa
    python = [str(project.PYTHON), "-m"]
    services = [
        Service(
            "actions",
            [
                *python,
                "bot.runtime.action_server",
                "--actions",
                "bot.actions",
                "--port",
                str(args.actions_port),
            ],
            http_ok(f"http://127.0.0.1:{args.actions_port}/health"),
            env={**env, "SANIC_HOST": args.host, "ACTION_SERVER_SANIC_WORKERS": str(action_workers)},
            listen=(args.host, args.actions_port) if handed else None,
        ),
        Service(
            "rasa",
            [
                *python,
                "bot.runtime.rasa_server",
                "run",
                "--model",
                str(model),
                "--endpoints",
                str(endpoints),
                "--credentials",
                str(credentials),
                "--interface",
                args.host,
                "--port",
                str(args.rasa_port),
                "--cors",
                "*",
                "--enable-api",
                f"--auth-token={token}",
            ],  # '=': a token may start with '-'
            http_ok(f"http://127.0.0.1:{args.rasa_port}/status?token={token}"),
            env={**env, "SANIC_WORKERS": str(workers)},
            listen=(args.host, args.rasa_port) if handed else None,
        ),
    ]
    # the LMI for All API beside the chat (lmi_backend/api): one worker, as fast as two here and
    # with a shorter tail beside Rasa; requests counted in var/api_usage.sqlite
    services.append(
        Service(
            "api",
            [*python, "lmi_backend.api", "--host", args.host, "--port", str(args.api_port), "--workers", "1"],
            http_ok(f"http://127.0.0.1:{args.api_port}/api/v1/ess/regions"),
            env=env,
        )
    )
    if args.stock_rasa:  # Rasa's own store keeps everything; our store forgets by itself
        services.append(
            Service(
                "retention",
                [*python, "bot.retention", "--endpoints", str(endpoints), "--every", "3600"],
                always_ready,
                env=env,
            )
        )
    return services


def _serve(args: argparse.Namespace, model: Path, run_dir: Path, started: float) -> int:
    supervisor = Supervisor(args.log_dir)
    page = None
    try:
        for service in _services(args, model, run_dir):
            supervisor.start(service)
        page = webserver.start(args.host, args.web_port, args.rasa_port)
        shown_host = "localhost" if args.host in ("127.0.0.1", "0.0.0.0") else args.host
        chat_page = f"http://{shown_host}:{args.web_port}/"
        print(
            f"Starting the servers; Rasa needs half a minute or so to load its model. The chat "
            f"page {chat_page} is up already and connects once the model has loaded.",
            file=sys.stderr,
        )
        supervisor.wait_ready(args.ready_timeout)
        print(
            f"\nThe careers assistant is ready ({time.monotonic() - started:.0f}s"
            f"{'; Rasa as shipped, no speed fixes' if args.stock_rasa else ''}).\n"
            f"  Chat page:     {chat_page}\n"
            f"  REST channel:  http://{shown_host}:{args.rasa_port}/webhooks/rest/webhook\n"
            f"  LMI for All API: http://{shown_host}:{args.api_port}/api/v1/ (developer page "
            f"http://{shown_host}:{args.api_port}/, Careerometer "
            f"http://{shown_host}:{args.api_port}/careerometer/demo)\n"
            f"  Logs:          {args.log_dir}\n"
            "Press Ctrl-C to stop.",
            flush=True,
        )
        supervisor.watch()  # until Ctrl-C
        return 0
    except KeyboardInterrupt:
        print("\nStopping ...", file=sys.stderr)
        return 0
    except (ServiceFailed, OSError) as error:
        print(error, file=sys.stderr)
        return 1
    finally:
        supervisor.stop()
        if page is not None:
            page.shutdown()
            page.server_close()
        print("Stopped.", file=sys.stderr)


def _interrupt(signum: int, _frame) -> None:  # noqa: ANN001 - signal handler signature
    raise KeyboardInterrupt


def _port_free(host: str, port: int) -> bool:
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the servers do
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


def _report_platforms() -> None:
    for platform in channels.enabled():
        print(
            f"Messaging platform on: {platform.name} (webhook /webhooks/{platform.name}/webhook)",
            file=sys.stderr,
        )
    for name, missing in channels.half_configured().items():
        print(
            f"Messaging platform {name} stays off: {', '.join(missing)} not set (see docs/channels.md)",
            file=sys.stderr,
        )


if __name__ == "__main__":
    sys.exit(main())
