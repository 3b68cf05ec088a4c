"""Extensions, unbound until the factory attaches them with init_app."""

from flask_babel import Babel
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect

from survey_app.models import Base

# Objects stay readable after a commit, so a view can end its read transaction early (and
# never hold SQLite's write lock while it works) without every attribute being reloaded.
db = SQLAlchemy(model_class=Base, session_options={"expire_on_commit": False})
migrate = Migrate()
csrf = CSRFProtect()
babel = Babel()
login_manager = LoginManager()
