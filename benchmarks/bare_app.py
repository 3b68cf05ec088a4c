"""A bare Flask endpoint: the yardstick the submit path is compared with."""

from flask import Flask

app = Flask(__name__)


@app.get("/")
def hello() -> str:
    return "ok"


@app.get("/healthz")
def healthz() -> str:
    return "ok"
