"""The compose file deploys with the two PostgreSQL roles the README describes: the owner migrates and
creates the app's role, the app serves as that role (which owns nothing)."""

import yaml
from sqlalchemy.engine import make_url

from shulchan.core.config import REPO_ROOT


def test_compose_migrates_as_the_owner_and_serves_as_the_app_role() -> None:
    services = yaml.safe_load((REPO_ROOT / "docker" / "compose.yaml").read_text())["services"]
    owner = services["db"]["environment"]["POSTGRES_USER"]
    migrate, app = services["migrate"], services["app"]

    assert make_url(migrate["environment"]["SHULCHAN_DATABASE_URL"]).username == owner
    assert "shulchan migrate" in migrate["command"][-1]
    assert "shulchan create-app-role --role shulchan_app" in migrate["command"][-1]
    assert make_url(app["environment"]["SHULCHAN_DATABASE_URL"]).username == "shulchan_app"
    assert "migrate" not in app["command"][-1]  # the app's role could not migrate anyway
    assert app["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
