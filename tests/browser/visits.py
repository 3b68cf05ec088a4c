"""Every respondent page, reached the way a young person (or adult) would reach it.

Each visit is a generator: it leaves the browser on a page, yields a name for it, and moves on.
Staff pages join with their own visits (sign-in, dashboard) in the same shape.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from tests.browser.helpers import next_page, press, start_survey

# One young people's theme per presentation style; "plain" is the core's own look.
THEME_FOR_STYLE = {
    "emoji_faces": "feeling_safe",
    "thumbs": "being_heard",
    "stars": "school_and_learning",
    "traffic_lights": "rules_and_fairness",
    "cards": "food_and_home",
    "slider": "health_and_feelings",
    "plain": "family_and_friends",
}


@dataclass
class Where:
    """What a visit needs: the page, the server, a language, and ways to make data."""

    page: object
    base_url: str
    language: str
    codes: object  # styled_codes(theme, presentation=None, count=1, opens=, closes=, audience=)
    serve_app: object  # serve_app(**config) -> base URL of another app on the same database
    today: object

    def url(self, path: str) -> str:
        return f"{self.base_url}{path}?lang={self.language}"


def enter_code(w: Where):
    """The start page, with the kind message for a code that does not exist."""
    w.page.goto(w.url("/"))
    w.page.fill("#code", "WXYZ-WXYZ")
    press(w.page, "main button[type=submit]")
    yield "enter code, code not found (404)"


def welcome(w: Where):
    [code] = w.codes("feeling_safe")
    w.page.goto(w.url(f"/r/{code}"))
    yield "welcome"


def welcome_adult(w: Where):
    [code] = w.codes("communication_with_the_home", audience="professionals")
    w.page.goto(w.url(f"/r/{code}"))
    yield "welcome (adults)"


def _begin(w: Where, code: str, base_url: str | None = None) -> str:
    """Press Start without opening the welcome page first (it has its own visit)."""
    base = base_url or w.base_url
    assert w.page.request.post(f"{base}/r/{code}/start", max_redirects=0).status == 302
    return f"{base}/r/{code}/p"


def style(name: str):
    def visit(w: Where):
        """The theme's first page (after the core's two); cards shows its second page too."""
        [code] = w.codes(THEME_FOR_STYLE[name], presentation=name)
        pages = _begin(w, code)
        for number in (3, 4) if name == "cards" else (3,):
            w.page.goto(f"{pages}/{number}?lang={w.language}")
            yield f"{name} page {number}"

    visit.__name__ = f"style_{name}"
    return visit


def _to_final_page(w: Where, code: str) -> None:
    """Start, then straight to the last page (the progress bar says which it is)."""
    pages = _begin(w, code)
    w.page.goto(f"{pages}/1?lang={w.language}")
    w.page.goto(f"{pages}/{w.page.get_attribute('progress', 'max')}")


def open_question(w: Where):
    """The open question, sent too long: the kind message, the text kept to shorten."""
    [code] = w.codes("feeling_safe")
    _to_final_page(w, code)
    w.page.fill("textarea", "x" * 2001)
    next_page(w.page)
    yield "open question, too long (422)"


def final_adult(w: Where):
    [code] = w.codes("communication_with_the_home", audience="professionals")
    _to_final_page(w, code)
    yield "last page (adults)"


def thanks(w: Where):
    [code] = w.codes("feeling_safe")
    _to_final_page(w, code)
    w.page.check("input[name=wants_contact]")
    next_page(w.page)
    yield "thank you"
    w.page.goto(w.url(f"/r/{code}"))
    yield "code already used (409)"


def safety(w: Where):
    """After a possible disclosure: who to talk to now, and the offer to leave a name."""
    [code] = w.codes("feeling_safe")
    _to_final_page(w, code)
    w.page.fill("textarea", "some older lads make me take stuff to places")
    next_page(w.page)
    assert "/safety" in w.page.url, w.page.url
    yield "safety page"


def help_page(w: Where):
    w.page.goto(w.url("/help"))
    yield "help"


def unknown_code(w: Where):
    w.page.goto(w.url("/r/WXYZWXYZ"))
    yield "unknown code (404)"


def closed(w: Where):
    [code] = w.codes(
        "feeling_safe", opens=w.today - timedelta(days=9), closes=w.today - timedelta(days=1)
    )
    w.page.goto(w.url(f"/r/{code}"))
    yield "closed (410)"


def not_open(w: Where):
    [code] = w.codes(
        "feeling_safe", opens=w.today + timedelta(days=3), closes=w.today + timedelta(days=9)
    )
    w.page.goto(w.url(f"/r/{code}"))
    yield "not open yet (403)"


def too_many_tries(w: Where):
    base = w.serve_app(CODE_GUESS_LIMIT_PER_CLIENT=0)
    w.page.goto(f"{base}/r/WXYZWXYZ?lang={w.language}")
    yield "too many tries (429)"


def expired(w: Where):
    """The session is lost mid-survey (cookies cleared): the page comes back to be sent again."""
    base = w.serve_app(WTF_CSRF_ENABLED=True)
    [code] = w.codes("feeling_safe")
    start_survey(w.page, base, code, w.language)
    w.page.context.clear_cookies()
    next_page(w.page)
    yield "page sent after the session was lost (400)"


def not_found(w: Where):
    w.page.goto(w.url("/nowhere"))
    yield "no such page (404)"


def big_text(w: Where):
    [code] = w.codes("food_and_home")
    pages = _begin(w, code)
    w.page.goto(f"{pages}/1?lang={w.language}&text=big")
    yield "question page, bigger text"


RESPONDENT_VISITS = [
    enter_code,
    welcome,
    welcome_adult,
    *(style(s) for s in THEME_FOR_STYLE),
    open_question,
    final_adult,
    thanks,
    safety,
    help_page,
    unknown_code,
    closed,
    not_open,
    too_many_tries,
    expired,
    not_found,
    big_text,
]
