"""Report scale: the six-monthly HTML voice report over 50 homes, 1,000,000 answers.

Builds a temporary SQLite database (50 homes x 6 monthly rounds per audience, 1,000,000
answers, 20,000 open comments) with Core inserts in large batches, then builds the report in
a fresh process and prints its wall time, CPU time and peak memory (ru_maxrss of that
process); on a busy machine the wall time includes waiting for a CPU, so the load is printed.
Targets: <= 20 s and <= 500 MB.
Run: .venv/bin/python benchmarks/report_scale.py [--answers 1000000] [--comments 20000]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import insert  # noqa: E402

from survey_app import create_app  # noqa: E402
from survey_app.models import (  # noqa: E402
    AUDIENCES,
    Answer,
    Home,
    Invitation,
    Response,
    Round,
    Service,
    Visit,
)

HOMES = 50
MONTHS = 6
END = date(2026, 6, 30)
START = date(2026, 1, 1)
BATCH = 50_000
TARGET_SECONDS, TARGET_MB = 20, 500
OPENINGS = (
    "I think",
    "Honestly",
    "To be fair",
    "Most days",
    "Lately",
    "Since I moved here",
    "This month",
    "Sometimes",
    "If I'm honest",
    "Overall",
)
SUBJECTS = (
    "the staff",
    "my key worker",
    "the food",
    "my room",
    "school",
    "the rules",
    "seeing my family",
    "the wifi",
    "the other young people",
    "the manager",
    "the paperwork",
    "communication with the home",
    "the review meeting",
    "activities",
    "my social worker",
    "the house",
    "bedtimes",
    "pocket money",
    "college",
    "the garden",
)
VERDICTS = (
    "is really good",
    "could be better",
    "is rubbish",
    "has improved a lot",
    "makes me feel safe",
    "is not fair",
    "is fine I guess",
    "is the best thing here",
    "worries me",
    "is a bit boring",
    "has been excellent",
    "needs sorting out",
)
ENDINGS = (
    "",
    "",
    "",
    " and I want more say in it",
    " but nobody listens",
    " thanks to Sarah from Bristol, 07700 900123",
    " like it was in Leeds",
    " and I'm happy about that",
    " which is annoying",
    " so thank you",
)


def build(url: str, answers: int, comments: int, seed: int = 7) -> dict[str, int]:
    """Fill an empty, migrated database; returns how many rows of each kind it wrote."""
    from flask_migrate import upgrade

    from survey_app.banks import get_banks
    from survey_app.extensions import db

    rng = random.Random(seed)
    app = create_app({"SQLALCHEMY_DATABASE_URI": url})
    with app.app_context():
        upgrade()
        banks = get_banks()
        rounds = _rounds(db, banks)
        made = _responses(db, rounds, answers, comments, rng)
        db.session.commit()
        return {"rounds": len(rounds), **made}


def _rounds(db, banks) -> list[tuple[int, str, list]]:
    """Homes, their monthly visits and one round per audience per month."""
    service = db.session.execute(insert(Service).returning(Service.id), [{"name": "Bench"}])
    service_id = service.scalar_one()
    homes = [
        {"code": f"H{n:02d}", "name": f"Home {n:02d}", "service_id": service_id}
        for n in range(HOMES)
    ]
    home_ids = db.session.execute(insert(Home).returning(Home.id), homes).scalars().all()
    found = []
    for home_id in home_ids:
        for month in range(1, MONTHS + 1):
            visit_day = date(2026, month, 20)
            visit = db.session.execute(
                insert(Visit).returning(Visit.id),
                [
                    {
                        "home_id": home_id,
                        "visit_date": visit_day,
                        "done_on": visit_day,
                        "report_completed_on": visit_day + timedelta(days=9),
                        "report_sent_on": None,
                    }
                ],
            ).scalar_one()
            for audience in AUDIENCES:
                themes = banks.themes_for(audience)
                theme = themes[(month + home_id) % len(themes)]
                round_id = db.session.execute(
                    insert(Round).returning(Round.id),
                    [
                        {
                            "home_id": home_id,
                            "audience": audience,
                            "theme_id": theme.id,
                            "theme_version": theme.version,
                            "presentation": theme.presentation,
                            "opens_on": visit_day - timedelta(days=12),
                            "closes_on": visit_day - timedelta(days=1),
                            "visit_id": visit,
                        }
                    ],
                ).scalar_one()
                questions = [q for q in (*banks.core(audience).questions, *theme.questions)]
                found.append((round_id, audience, questions))
    return found


def _responses(db, rounds, answers, comments, rng) -> dict[str, int]:
    """Responses round after round until the answers reach their number; some comment."""
    invitations, response_rows, answer_rows = [], [], []
    written = {"responses": 0, "answers": 0, "comments": 0}
    comment_every = max(1, int(answers / 10 / comments))
    n = pending = 0
    while written["answers"] + pending < answers:
        n += 1
        round_id, _, questions = rounds[n % len(rounds)]
        invitations.append({"id": n, "round_id": round_id, "code": f"B{n:09d}"})
        started = datetime(2026, 1 + (n % len(rounds)) % MONTHS, 5, 16, tzinfo=UTC)
        submitted = rng.random() < 0.93
        seconds = timedelta(seconds=rng.randint(60, 400))
        response_rows.append(
            {
                "id": n,
                "invitation_id": n,
                "round_id": round_id,
                "started_at": started,
                "updated_at": started,
                "pages_done": 4,
                "language": "en-GB",
                "submitted_at": started + seconds if submitted else None,
            }
        )
        for question in questions:
            if question.options and rng.random() > 0.05:
                value = rng.choice(question.options).value
                answer_rows.append(
                    {
                        "response_id": n,
                        "question_id": question.id,
                        "value": value,
                        "score": question.score(value),
                        "text": None,
                    }
                )
                pending += 1
        if n % comment_every == 0 and written["comments"] < comments:
            answer_rows.append(
                {
                    "response_id": n,
                    "question_id": "open_comment",
                    "value": None,
                    "score": None,
                    "text": _comment(rng),
                }
            )
            written["comments"] += 1
        if len(answer_rows) >= BATCH:
            _flush(db, invitations, response_rows, answer_rows, written)
            pending = 0
    _flush(db, invitations, response_rows, answer_rows, written)
    return written


def _closed(rows: list[dict]) -> int:
    return sum(row["value"] is not None for row in rows)


def _flush(db, invitations, response_rows, answer_rows, written) -> None:
    for model, rows in ((Invitation, invitations), (Response, response_rows)):
        if rows:
            db.session.execute(insert(model), rows)
    if answer_rows:
        db.session.execute(insert(Answer), answer_rows)
    written["responses"] += len(response_rows)
    written["answers"] += _closed(answer_rows)
    for rows in (invitations, response_rows, answer_rows):
        rows.clear()


def _comment(rng: random.Random) -> str:
    return (
        f"{rng.choice(OPENINGS)} {rng.choice(SUBJECTS)} {rng.choice(VERDICTS)}"
        f"{rng.choice(ENDINGS)}, {rng.choice(SUBJECTS)} {rng.choice(VERDICTS)}."
    )


def measure(url: str, out: str) -> None:
    """Build the six-monthly HTML report and print seconds and peak MB (run in a fresh process)."""
    from analysis.reports import Period, write_report
    from survey_app.reports.service import voice_report

    app = create_app({"SQLALCHEMY_DATABASE_URI": url})
    began, cpu_began = time.perf_counter(), time.process_time()
    with app.app_context():
        report = voice_report(Period(START, END), None, END + timedelta(days=1))
        size = write_report(report, "html", Path(out))
    seconds = time.perf_counter() - began
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu = time.process_time() - cpu_began
    print(f"{seconds:.2f} {cpu:.2f} {usage.ru_maxrss / 1024:.0f} {size}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=1_000_000)
    parser.add_argument("--comments", type=int, default=20_000)
    parser.add_argument("--measure", nargs=2, metavar=("URL", "OUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        measure(*args.measure)
        return 0
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/bench.sqlite3"
        began = time.perf_counter()
        made = build(url, args.answers, args.comments)
        print(f"built {made} in {time.perf_counter() - began:.1f} s")
        out = f"{folder}/voice.html"
        result = subprocess.run(
            [sys.executable, __file__, "--measure", url, out],
            capture_output=True,
            text=True,
            check=True,
        )
        seconds, cpu, peak_mb, size = result.stdout.split()[-4:]
        print(
            f"six-monthly HTML report: {float(seconds):.1f} s wall (target <= {TARGET_SECONDS} s), "
            f"{float(cpu):.1f} s CPU, peak {peak_mb} MB (target <= {TARGET_MB} MB), "
            f"{int(size):,} bytes; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
        )
        ok = float(seconds) <= TARGET_SECONDS and float(peak_mb) <= TARGET_MB
        print("PASS" if ok else "MISSED")
        return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
