"""Load and crash: concurrent respondent journeys while the server is killed (-9) and restarted.

N young people's journeys (open the link, start, answer every page, send) run over loopback,
C at a time, against gunicorn. Meanwhile the whole server (master and workers) is killed with
SIGKILL several times and started again on the same port; a phone whose request failed waits a
moment and sends the same request again, as a person pressing the button again would.
Afterwards the database is read directly and compared with what each phone was told:
  acknowledged  journeys whose last page was answered "thank you" (or, when that answer was
                lost in a crash, "already sent" on pressing again);
  found         acknowledged journeys stored sent, with exactly the answers given;
  lost          acknowledged journeys not stored sent, or missing an answer given;
  duplicated    answer rows stored more than once (and journeys with answers never given).
Target: 0 lost and 0 duplicated out of >= 1,000 acknowledged journeys under 5 kills.
Every loop is bounded by a count and by time. Loopback only. Not part of `make test`.
Run: .venv/bin/python benchmarks/crash_journeys.py [--journeys 1000] [--kills 5]
     [--postgres postgresql://postgres@127.0.0.1:5432/test]
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.parse
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._server import BIN, demo_environment, free_port, invite  # noqa: E402

REQUEST_TRIES = 60  # a request is sent at most this often (each failure waits RETRY_WAIT)
RETRY_WAIT = 0.25
JOURNEY_STEPS = 40  # more pages than any survey has


class ServerDown(Exception):
    """No usable answer: the connection failed, or the server said it could not cope (5xx)."""


class Phone:
    """One keep-alive connection and its cookies; reconnects when the server went away."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=15)
        self.cookies: dict[str, str] = {}

    def once(self, method: str, path: str, form: dict | None) -> tuple[int, str, str]:
        jar = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        headers = {"Cookie": jar} if jar else {}
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            self.conn.request(method, path, body=body, headers=headers)
            response = self.conn.getresponse()
            text = response.read().decode()
        except (OSError, http.client.HTTPException) as error:
            self.conn.close()
            raise ServerDown(str(error)) from error
        if response.status >= 500:
            raise ServerDown(f"{response.status}")
        for cookie in response.headers.get_all("Set-Cookie") or ():
            name, _, value = cookie.split(";", 1)[0].partition("=")
            self.cookies[name] = value
        return response.status, response.getheader("Location") or "", text

    def send(self, method: str, path: str, form: dict | None = None) -> tuple[int, str, str]:
        """The request, sent again after a failure (bounded), as a person would."""
        for _ in range(REQUEST_TRIES):
            try:
                return self.once(method, path, form)
            except ServerDown:
                time.sleep(RETRY_WAIT)
        raise ServerDown(f"{method} {path} failed {REQUEST_TRIES} times")


def token(html: str) -> str:
    match = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html) or re.search(
        r'value="([^"]+)"[^>]*name="csrf_token"', html
    )
    return match.group(1)


def answers_on(html: str, code: str) -> dict[str, str]:
    """The last option of every choice question on the page, and words in every text box."""
    chosen: dict[str, str] = {}
    for tag in re.findall(r"<input[^>]+>", html):
        name, value = re.search(r'name="(\w+)"', tag), re.search(r'value="([^"]*)"', tag)
        if name and value and re.search(r'type="(radio|checkbox)"', tag):
            chosen[name.group(1)] = value.group(1)
    chosen.pop("wants_contact", None)
    for name in re.findall(r'<textarea[^>]+name="(\w+)"', html):
        chosen[name] = f"The food is good and staff listen ({code})."
    return chosen


@dataclass
class Outcome:
    code: str
    acknowledged: bool = False
    on_retry: bool = False  # told "already sent" after the thank-you was lost in a crash
    given: dict[str, str] = field(default_factory=dict)


def journey(port: int, code: str, deadline: float) -> Outcome:
    outcome = Outcome(code)
    phone = Phone(port)
    try:
        _, _, html = phone.send("GET", f"/r/{code}")
        status, url, html = phone.send("POST", f"/r/{code}/start", {"csrf_token": token(html)})
        for _ in range(JOURNEY_STEPS):
            if time.monotonic() > deadline:
                return outcome
            status, _, html = phone.send("GET", url)
            if status == 409:  # sent already: an earlier try of the last page got through
                outcome.acknowledged = outcome.on_retry = True
                return outcome
            page = answers_on(html, code)
            outcome.given.update(page)
            final = "Send my answers" in html
            status, url, html = phone.send("POST", url, {**page, "csrf_token": token(html)})
            if final and status == 302 and url.endswith(("/thanks", "/safety")):
                outcome.acknowledged = True
                return outcome
            if status == 409:
                outcome.acknowledged = outcome.on_retry = True
                return outcome
            if status != 302:
                return outcome  # refused for a reason of its own: not acknowledged
    except ServerDown:
        pass
    return outcome


class Server:
    """gunicorn in its own process group, so a kill takes the master and its workers at once."""

    def __init__(self, env: dict, port: int, workers: int, threads: int) -> None:
        self.env, self.port, self.workers, self.threads = env, port, workers, threads
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                BIN / "gunicorn",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(self.workers),
                "--worker-class",
                "gthread",
                "--threads",
                str(self.threads),
                "--chdir",
                str(Path(__file__).resolve().parents[1]),
                "--log-level",
                "error",
                "survey_app:create_app()",
            ],
            env=self.env,
            start_new_session=True,
        )
        self._wait_until_up()

    def kill(self) -> None:
        os.killpg(self.process.pid, signal.SIGKILL)  # the group of the gunicorn we started
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()

    def _wait_until_up(self) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=1)
                connection.request("GET", "/healthz")
                if connection.getresponse().status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.1)
        raise SystemExit("gunicorn did not start")


def killer(server: Server, kills: int, every: float, done: threading.Event) -> list[float]:
    """Kill -9 and restart the server `kills` times, `every` seconds apart (while work runs)."""
    started, at = time.monotonic(), []
    for _ in range(kills):
        if done.wait(every):
            break
        server.kill()
        at.append(time.monotonic() - started)
        time.sleep(0.3)  # a moment of nothing listening at all
        server.start()
    return at


def stored(url: str) -> tuple[dict[str, set], Counter, int]:
    """From the database: each sent response's answers by code, duplicate rows, responses."""
    from sqlalchemy import create_engine, text

    from survey_app.config import normalise_database_url

    engine = create_engine(normalise_database_url(url))
    with engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT i.code, a.question_id, a.value, a.text FROM response r"
                " JOIN invitation i ON i.id = r.invitation_id"
                " LEFT JOIN answer a ON a.response_id = r.id WHERE r.submitted_at IS NOT NULL"
            )
        ).all()
        responses = connection.execute(text("SELECT COUNT(*) FROM response")).scalar()
    engine.dispose()
    found: dict[str, set] = {}
    copies: Counter = Counter()
    for code, question, value, words in rows:
        answers = found.setdefault(code, set())
        if question is not None:
            answers.add((question, value if value is not None else words))
            copies[(code, question, value, words)] += 1
    return found, copies, responses


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--journeys", type=int, default=1100)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--kills", type=int, default=5)
    parser.add_argument("--kill-every", type=float, default=4.0, help="seconds between kills")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--max-seconds", type=float, default=900, help="stop the run after")
    parser.add_argument("--postgres", metavar="URL", help="a throwaway database on this server")
    args = parser.parse_args()
    with demo_environment(args.postgres) as env:
        codes = invite(env, args.journeys)
        server = Server(env, free_port(), args.workers, args.threads)
        server.start()
        done = threading.Event()
        deadline = time.monotonic() + args.max_seconds
        try:
            with ThreadPoolExecutor(1) as kills_pool:
                kills = kills_pool.submit(killer, server, args.kills, args.kill_every, done)
                started = time.monotonic()
                with ThreadPoolExecutor(args.concurrency) as pool:
                    outcomes = list(pool.map(lambda c: journey(server.port, c, deadline), codes))
                elapsed = time.monotonic() - started
                done.set()
                killed_at = kills.result()
        finally:
            server.stop()
        found, copies, responses = stored(env["DATABASE_URL"])
    return report(args, outcomes, found, copies, responses, killed_at, elapsed)


def report(args, outcomes, found, copies, responses, killed_at, elapsed) -> int:
    acknowledged = [o for o in outcomes if o.acknowledged]
    lost = found_ok = extra = 0
    for outcome in acknowledged:
        given = {(q, v) for q, v in outcome.given.items()}
        have = found.get(outcome.code)
        if have is None or not given <= have:
            lost += 1
        else:
            found_ok += 1
            extra += bool(have - given)
    duplicate_rows = sum(n - 1 for n in copies.values() if n > 1)
    database = "PostgreSQL" if args.postgres else "SQLite"
    print(f"database              {database}, gunicorn {args.workers} workers x {args.threads} "
          f"threads, {args.concurrency} phones at once")  # fmt: skip
    print(f"journeys              {len(outcomes)} in {elapsed:.0f} s; {responses} responses "
          "in the database, the demo's included")  # fmt: skip
    print(f"kill -9               {len(killed_at)} at {', '.join(f'{t:.0f}' for t in killed_at)} s")
    again = sum(o.on_retry for o in acknowledged)
    print(f"acknowledged          {len(acknowledged)} ({again} told 'already sent' on a retry)")
    print(f"found                 {found_ok}")
    print(f"lost                  {lost}")
    print(f"duplicated            {duplicate_rows} answer rows; {extra} journeys with answers "
          "never given")  # fmt: skip
    ok = (
        lost == 0
        and duplicate_rows == 0
        and extra == 0
        and len(acknowledged) >= 1000
        and len(killed_at) >= args.kills
    )
    print("targets met" if ok else "targets NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
