"""Submit throughput: gunicorn on SQLite, a load generator on loopback sending final submits.

Each measured request is the POST that completes a young person's response (CSRF checked,
answers validated and judged for safeguarding, stored, the response marked sent, one commit).
The pages before it are answered first, as a real respondent would over several minutes; that
part is timed separately and reported as whole journeys per second. The same gunicorn
settings serve a bare Flask endpoint, measured the same way.

A third server, benchmarks/floor_app.py, does the least any safe form POST must do (session,
CSRF check, one SQLite row): its ratio is a ceiling for the submit path's on this stack.
The servers run side by side and rounds alternate between them; the medians are kept. Prints
responses/s beside the bare requests/s, their ratio, p50/p99 latency, and the CPU time each
server spent per request (from /proc), which says where the difference comes from.
Targets: ratio >= 0.4 and p99 <= 50 ms at 16 connections.
Run: .venv/bin/python benchmarks/submit_throughput.py [--connections 16] [--rounds 3]
"""

from __future__ import annotations

import argparse
import http.client
import re
import statistics
import sys
import tempfile
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._server import demo_environment, gunicorn, invite  # noqa: E402
from benchmarks.floor_app import create_database as create_floor_database  # noqa: E402


class Browser:
    """One keep-alive connection and its cookies, like a phone."""

    def __init__(self, port: int) -> None:
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, form: dict | None = None) -> tuple[int, str, str]:
        jar = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        headers = {"Cookie": jar} if jar else {}
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            self.conn.request(method, path, body=body, headers=headers)
            response = self.conn.getresponse()
        except (BrokenPipeError, ConnectionResetError, http.client.RemoteDisconnected):
            # The server closed an idle keep-alive connection; a phone would simply reconnect.
            self.conn.close()
            self.conn.request(method, path, body=body, headers=headers)
            response = self.conn.getresponse()
        text = response.read().decode()
        for cookie in response.headers.get_all("Set-Cookie") or ():
            name, _, value = cookie.split(";", 1)[0].partition("=")
            self.cookies[name] = value
        return response.status, response.getheader("Location") or "", text


def token(html: str) -> str:
    match = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html) or re.search(
        r'value="([^"]+)"[^>]*name="csrf_token"', html
    )
    return match.group(1)


def fields(html: str) -> dict[str, str]:
    """The last option of every question on the page (an answer for each)."""
    chosen: dict[str, str] = {}
    for tag in re.findall(r"<input[^>]+>", html):
        name, value = re.search(r'name="(\w+)"', tag), re.search(r'value="([^"]*)"', tag)
        if name and value and re.search(r'type="(radio|checkbox)"', tag):
            chosen[name.group(1)] = value.group(1)
    chosen.pop("wants_contact", None)
    return chosen


def prepare(port: int, code: str) -> tuple[Browser, str, dict]:
    """Answer every page but the last; return the browser, the last page and its form."""
    browser = Browser(port)
    _, _, html = browser.request("GET", f"/r/{code}")
    _, url, _ = browser.request("POST", f"/r/{code}/start", {"csrf_token": token(html)})
    while True:
        _, _, html = browser.request("GET", url)
        form = {**fields(html), "csrf_token": token(html), "nav": "next"}
        if "Send my answers" in html:
            return browser, url, {**form, "open_comment": "The food is good and staff listen."}
        _, url, _ = browser.request("POST", url, form)


def timed(browser: Browser, method: str, path: str, form: dict | None, expect: int) -> float:
    started = time.perf_counter()
    status, _, _ = browser.request(method, path, form)
    elapsed = time.perf_counter() - started
    if status != expect:
        raise SystemExit(f"{method} {path} answered {status}, expected {expect}")
    return elapsed


def prepare_all(port: int, codes: list[str], connections: int) -> list:
    with ThreadPoolExecutor(connections) as pool:
        return list(pool.map(lambda c: prepare(port, c), codes))


def run_submits(_port: int, prepared: list, connections: int) -> tuple[float, list[float]]:
    with ThreadPoolExecutor(connections) as pool:
        started = time.perf_counter()
        latencies = list(pool.map(lambda p: timed(p[0], "POST", p[1], p[2], 302), prepared))
        return time.perf_counter() - started, latencies


def run_bare(port: int, count: int, connections: int) -> tuple[float, list[float]]:
    def one_connection(_: int) -> list[float]:
        browser = Browser(port)
        return [timed(browser, "GET", "/", None, 200) for _ in range(count // connections)]

    with ThreadPoolExecutor(connections) as pool:
        started = time.perf_counter()
        latencies = [t for batch in pool.map(one_connection, range(connections)) for t in batch]
        return time.perf_counter() - started, latencies


def run_floor(port: int, count: int, connections: int) -> tuple[float, list[float]]:
    """The floor app: each connection gets its session and token, then posts `count` times."""
    browsers = []
    for _ in range(connections):
        browser = Browser(port)
        browsers.append((browser, token(browser.request("GET", "/")[2])))
    form = {"words": "The food is good and staff listen."}

    def one_connection(pair) -> list[float]:
        browser, csrf = pair
        sent = {**form, "csrf_token": csrf}
        return [timed(browser, "POST", "/", sent, 302) for _ in range(count // connections)]

    with ThreadPoolExecutor(connections) as pool:
        started = time.perf_counter()
        latencies = [t for batch in pool.map(one_connection, browsers) for t in batch]
        return time.perf_counter() - started, latencies


class Measured:
    """One side's rounds: rate per round, every latency, and the server's CPU per request."""

    def __init__(self, served) -> None:
        self.served, self.rates, self.latencies, self.cpu, self.count = served, [], [], 0.0, 0

    def measure(self, run, *args) -> float:
        before = self.served.cpu_seconds()
        seconds, latencies = run(self.served.port, *args)
        after = self.served.cpu_seconds()
        self.rates.append(len(latencies) / seconds)
        self.latencies += latencies
        self.count += len(latencies)
        self.cpu = None if before is None or after is None else self.cpu + after - before
        return self.rates[-1]

    def line(self, label: str, unit: str) -> str:
        cpu = f"  server CPU {self.cpu / self.count * 1000:4.2f} ms" if self.cpu else ""
        return (
            f"{label:21s} {statistics.median(self.rates):8.1f} {unit}  "
            f"p50 {percentile(self.latencies, 50):5.1f} ms  "
            f"p99 {percentile(self.latencies, 99):5.1f} ms{cpu}"
        )


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--per-connection", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=3, help="alternate rounds; medians kept")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=4, help="threads per worker")
    parser.add_argument(
        "--postgres",
        metavar="URL",
        help="run the app on a throwaway database on this PostgreSQL server instead of SQLite "
        "(e.g. postgresql://postgres@127.0.0.1:5432/test); the floor stays on SQLite",
    )
    args = parser.parse_args()
    total = args.connections * args.per_connection
    settings = {"workers": args.workers, "threads": args.threads}
    with demo_environment(args.postgres) as env, tempfile.TemporaryDirectory() as folder:
        codes = invite(env, total * args.rounds)
        env["FLOOR_DATABASE"] = f"{folder}/floor.sqlite3"
        create_floor_database(env["FLOOR_DATABASE"])
        with (
            gunicorn(env, **settings) as app_server,
            gunicorn(env, app="benchmarks.bare_app:app", **settings) as bare_server,
            gunicorn(env, app="benchmarks.floor_app:app", **settings) as floor_server,
        ):
            submit, bare = Measured(app_server), Measured(bare_server)
            floor, journeys = Measured(floor_server), []
            # Rounds alternate, so a busy moment on the machine weighs on every side alike.
            for number in range(args.rounds):
                batch = codes[number * total : (number + 1) * total]
                started = time.perf_counter()
                prepared = prepare_all(app_server.port, batch, args.connections)
                before_last = time.perf_counter() - started
                responses = submit.measure(run_submits, prepared, args.connections)
                journeys.append(total / (before_last + total / responses))
                requests = bare.measure(run_bare, total, args.connections)
                floor.measure(run_floor, total, args.connections)
                print(f"round {number + 1}: {responses:6.1f} responses/s, {requests:6.1f} bare "
                      f"requests/s, ratio {responses / requests:4.2f}")  # fmt: skip
    ratio = statistics.median(submit.rates) / statistics.median(bare.rates)
    p99 = percentile(submit.latencies, 99)
    database = "PostgreSQL" if args.postgres else "SQLite"
    print(f"gunicorn              {args.workers} workers x {args.threads} threads, {database}")
    print(f"connections           {args.connections}")
    print(f"responses submitted   {total} per round, {args.rounds} rounds (medians)")
    print(submit.line("submit path", "responses/s"))
    print(bare.line("bare Flask endpoint", "requests/s "))
    print(floor.line("floor: CSRF + 1 row", "requests/s "))
    print(f"whole journeys        {statistics.median(journeys):8.1f} responses/s  (every page "
          "fetched and sent, 16 at a time)")  # fmt: skip
    print(f"ratio                 {ratio:8.2f}  (target >= 0.4)")
    floor_ratio = statistics.median(floor.rates) / statistics.median(bare.rates)
    print(f"floor's ratio         {floor_ratio:8.2f}  (a ceiling for any submit here)")
    print(f"p99                   {p99:8.1f} ms (target <= 50 ms)")
    ok = ratio >= 0.4 and p99 <= 50
    print("targets met" if ok else "targets NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
