"""Throughput and latency of the LMI for All API under the client request mix.

Starts `lmi serve-api` (counting usage into a scratch file, as it does in use) on a free port,
builds the mix from the 158 request shapes real client apps send
(misc/lmiforall_client_requests.jsonl, lmi_backend/api/client_shapes.py), each filled in for
every one of the 369 unit groups (JSONP where the app uses it, the POST with its JSON body, the
search phrases from tests/data/coder_eval.csv), then replays it with `wrk` (Debian package
`wrk`, a C load generator on this machine; a Lua script sends the requests round robin) from
50 concurrent connections, after one warm-up pass over every request. Prints requests/s,
latency percentiles (wrk's) and non-2xx answers. Targets: >= 1,500 requests/s, p99 <= 50 ms.

By default every connection sends its next request as soon as the answer arrives: requests/s is
the server's capacity, and the latency includes queueing for the two cores it shares with wrk.
`--rate 1500` paces the connections to send about 1,500 requests/s in all and measures the
latency at that load.

    .venv/bin/python benchmarks/api_bench.py [--workers 2] [--connections 50] [--seconds 30] [--rate 1500]
"""

from __future__ import annotations

import argparse
import csv
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from lmi_backend import config
from lmi_backend.api import client_shapes
from lmi_backend.service import LmiService

PHRASES = config.PROJECT_ROOT / "tests" / "data" / "coder_eval.csv"
SAMPLE_EVERY = 7
LUA = r"""
local requests = {}
local n = 0
for line in io.lines("%(file)s") do
  local method, path, body = line:match("^(%%S+)\t(%%S+)\t?(.*)$")
  n = n + 1
  local headers = {}
  if body ~= "" then headers["Content-Type"] = "application/json" else body = nil end
  requests[n] = wrk.format(method, path, headers, body)
end
local i = 0
function request()
  i = i %% n + 1
  return requests[i]
end
%(pace)s
"""
# with --rate: each connection waits between requests so that all together send about that many
PACE = "function delay() return %d end"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request_mix() -> list[tuple[str, str, bytes]]:
    """(method, path and query, body): each shape for every 7th unit group (53 jobs), and the
    shapes of the apps that sweep all 369 unit groups for all of them."""
    socs = LmiService().unit_groups()
    with open(PHRASES, encoding="utf-8", newline="") as fh:
        phrases = [row["phrase"] for row in csv.DictReader(fh)]
    mix = []
    for shape in client_shapes.load():
        sweep = "369" in shape["query"].get("soc", "")
        for i, soc in enumerate(socs if sweep else socs[::SAMPLE_EVERY]):
            url = client_shapes.request_url(shape, soc, words=phrases[(i * 7) % len(phrases)])
            mix.append((shape["method"], url, client_shapes.request_body(shape, soc)))
    return mix


def wait_until_up(url: str, process: subprocess.Popen, timeout: float = 120) -> None:
    started = time.monotonic()
    while True:
        try:
            urllib.request.urlopen(url + "/api/v1/ess/regions", timeout=5).read()
            return
        except OSError:
            if process.poll() is not None or time.monotonic() - started > timeout:
                raise SystemExit("the API did not start") from None
            time.sleep(0.3)


def warm_up(url: str, mix: list[tuple[str, str, bytes]]) -> int:
    """Every request once, so the measured run sees the caches a server in use has (each
    answer is kept after it is first made: the data is read-only)."""
    failures = 0
    for method, path, body in mix:
        request = urllib.request.Request(url + path, data=body or None, method=method)
        if body:
            request.add_header("Content-Type", "application/json")
        try:
            urllib.request.urlopen(request, timeout=60).read()
        except OSError:
            failures += 1
    return failures


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--workers", type=int, default=2, help="API worker processes (default 2)")
    ap.add_argument("--connections", type=int, default=50)
    ap.add_argument("--threads", type=int, default=2, help="wrk threads (default 2)")
    ap.add_argument("--seconds", type=int, default=30)
    ap.add_argument(
        "--rate",
        type=int,
        help="send about this many requests/s in all instead of as many as the server answers",
    )
    args = ap.parse_args(argv)
    wrk = shutil.which("wrk")
    if wrk is None:
        print("wrk is needed: apt-get install -y wrk", file=sys.stderr)
        return 2
    mix = request_mix()
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as scratch:
        usage = Path(scratch) / "usage.sqlite"
        server = subprocess.Popen(
            [sys.executable, "-m", "lmi_backend.api", "--port", str(port), "--workers", str(args.workers)]
            + ["--usage-db", str(usage)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_until_up(url, server)
            started = time.monotonic()
            failed = warm_up(url, mix)
            print(
                f"mix: {len(mix)} requests from {len(client_shapes.load())} client request shapes; "
                f"warm-up pass {time.monotonic() - started:.0f} s, {failed} failed"
            )
            lines = Path(scratch) / "requests.tsv"
            lines.write_text("".join(f"{m}\t{p}\t{b.decode()}\n" for m, p, b in mix), encoding="utf-8")
            script = Path(scratch) / "mix.lua"
            pace = PACE % (1000 * args.connections // args.rate) if args.rate else ""
            script.write_text(LUA % {"file": lines, "pace": pace}, encoding="utf-8")
            command = [
                wrk,
                f"-t{args.threads}",
                f"-c{args.connections}",
                f"-d{args.seconds}s",
                "--latency",
                "-s",
                str(script),
                url,
            ]
            done = subprocess.run(command, capture_output=True, text=True, check=True)
        finally:
            server.send_signal(signal.SIGINT)
            server.wait(30)
    out = done.stdout
    print("load generator: " + " ".join(command[:-3]) + f" -s mix.lua {url}  (wrk {wrk_version(wrk)})")
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    percentiles = dict(re.findall(r"^\s+(50|75|90|99)%\s+([\d.]+\w+)", out, re.M))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    paced = f", paced to about {args.rate:,} requests/s" if args.rate else ", as fast as answered"
    print(f"workers {args.workers}, {args.connections} connections, {args.seconds} s{paced}")
    print(
        f"requests/s {rate:,.0f}   latency p50 {percentiles.get('50')}  p75 {percentiles.get('75')}  "
        f"p90 {percentiles.get('90')}  p99 {percentiles.get('99')}"
    )
    print(
        f"non-2xx answers: {errors.group(1) if errors else 0}; socket errors: "
        + (re.search(r"Socket errors:.*", out).group(0) if "Socket errors" in out else "none")
    )
    return 0


def wrk_version(wrk: str) -> str:
    found = subprocess.run([wrk, "-v"], capture_output=True, text=True)
    match = re.search(r"wrk (\S+)", found.stdout + found.stderr)
    return match.group(1) if match else "?"


if __name__ == "__main__":
    sys.exit(main())
