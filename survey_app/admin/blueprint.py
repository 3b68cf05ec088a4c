"""The administrators' blueprint, shared by the users, places and audit view modules."""

from flask import Blueprint

bp = Blueprint("admin", __name__, url_prefix="/staff/admin", template_folder="templates")
