"""Every model, imported once so Alembic and the tests see the whole schema."""

from shulchan.audit.models import AuditEvent
from shulchan.auth.models import AuthSession, LoginFailure, RefreshToken
from shulchan.core.models import Base
from shulchan.organisations.models import Organisation
from shulchan.roundtables.models import Goal, Roundtable, Seat
from shulchan.sectors.models import Sector
from shulchan.stakeholders.models import Stakeholder
from shulchan.users.models import User

metadata = Base.metadata

__all__ = [
    "AuditEvent",
    "AuthSession",
    "Goal",
    "LoginFailure",
    "Organisation",
    "RefreshToken",
    "Roundtable",
    "Seat",
    "Sector",
    "Stakeholder",
    "User",
    "metadata",
]
