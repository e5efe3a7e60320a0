"""Every model, imported once so Alembic and the tests see the whole schema."""

from shulchan.audit.models import AuditEvent
from shulchan.core.models import Base
from shulchan.decisions.models import ActionItem, Decision, DecisionEvent, DecisionGoal, Endorsement
from shulchan.events.models import DomainEvent
from shulchan.identity.models import AuthSession, LoginFailure, RefreshToken, User
from shulchan.integrations.models import ApiToken, ServiceAccount, ServiceAccountGrant
from shulchan.knowledge.models import AgendaItemKnowledge, Attachment, KnowledgeItem, KnowledgeLink, KnowledgeRevision
from shulchan.meetings.models import AgendaItem, Attendance, Invitation, Meeting, ProcessNote, SpeakingTurn
from shulchan.minutes.models import Minutes, MinutesComment, MinutesRevision
from shulchan.organisations.models import Organisation
from shulchan.roundtables.models import Goal, Roundtable, Seat
from shulchan.search.models import SearchEntry
from shulchan.sectors.models import Sector
from shulchan.stakeholders.models import Stakeholder

metadata = Base.metadata

__all__ = [
    "ActionItem",
    "AgendaItem",
    "AgendaItemKnowledge",
    "ApiToken",
    "Attachment",
    "Attendance",
    "AuditEvent",
    "AuthSession",
    "Decision",
    "DecisionEvent",
    "DecisionGoal",
    "DomainEvent",
    "Endorsement",
    "Goal",
    "Invitation",
    "KnowledgeItem",
    "KnowledgeLink",
    "KnowledgeRevision",
    "LoginFailure",
    "Meeting",
    "Minutes",
    "MinutesComment",
    "MinutesRevision",
    "Organisation",
    "ProcessNote",
    "RefreshToken",
    "Roundtable",
    "SearchEntry",
    "Seat",
    "Sector",
    "ServiceAccount",
    "ServiceAccountGrant",
    "SpeakingTurn",
    "Stakeholder",
    "User",
    "metadata",
]
