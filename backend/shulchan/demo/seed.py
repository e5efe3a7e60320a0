"""The demo world: the real roundtables of the source document, their people and seats."""

from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from shulchan.core.config import Settings
from shulchan.core.db import create_engine, create_sessionmaker
from shulchan.core.models import Language
from shulchan.core.security import hash_password
from shulchan.demo import data
from shulchan.demo.history import build_history
from shulchan.identity.models import User
from shulchan.organisations.models import Organisation, OrganisationKind
from shulchan.roundtables.models import Goal, GoalStatus, Role, Roundtable, RoundtableStatus, Seat, Visibility
from shulchan.sectors.models import Sector
from shulchan.stakeholders.models import Stakeholder

DEMO_PASSWORD = "shulchan-demo"
DEMO_USERS: list[tuple[str, str]] = [
    ("admin@demo.shulchan.org", "platform admin"),
    ("facilitator@demo.shulchan.org", "facilitator, Prime Minister's Office roundtable"),
    ("host@demo.shulchan.org", "government host, Prime Minister's Office roundtable"),
    ("member@demo.shulchan.org", "member, Prime Minister's Office roundtable (no seat at Education)"),
    ("observer@demo.shulchan.org", "observer, Prime Minister's Office roundtable"),
    ("facilitator2@demo.shulchan.org", "facilitator, Education and other roundtables"),
]


async def seed_demo(settings: Settings, *, only_if_empty: bool) -> bool:
    engine = create_engine(settings)
    try:
        async with create_sessionmaker(engine)() as session, session.begin():
            if only_if_empty and await session.scalar(select(func.count()).select_from(User)):
                return False
            await build_demo_world(session)
            return True
    finally:
        await engine.dispose()


async def build_demo_world(session: AsyncSession) -> dict[str, dict[str, Any]]:
    """Adds the whole world to the session; returns the objects by kind and key (tests use them)."""
    sectors = {row["key"]: Sector(**row) for row in data.SECTORS}
    session.add_all(sectors.values())
    await session.flush()
    organisations = {
        row["key"]: Organisation(
            name=row["name"],
            name_en=row.get("name_en"),
            sector_id=sectors[row["sector"]].id,
            kind=OrganisationKind(row["kind"]),
            website=row.get("website"),
        )
        for row in data.ORGANISATIONS
    }
    session.add_all(organisations.values())
    await session.flush()

    password_hash = hash_password(DEMO_PASSWORD)
    demo_emails = {email for email, _ in DEMO_USERS}
    users: dict[str, User] = {}
    admin = User(
        email="admin@demo.shulchan.org",
        full_name="מנהלת המערכת",
        preferred_language=Language.he,
        password_hash=password_hash,
        is_platform_admin=True,
    )
    users["admin"] = admin
    session.add(admin)
    stakeholders: dict[str, Stakeholder] = {}
    for row in data.STAKEHOLDERS:
        stakeholder = Stakeholder(
            full_name=row["full_name"],
            full_name_en=row.get("full_name_en"),
            organisation_id=organisations[row["organisation"]].id,
            title=row.get("title"),
            email=row.get("email"),
            phone=row.get("phone"),
        )
        if row.get("email") in demo_emails:
            user = User(
                email=row["email"],
                full_name=row["full_name"],
                password_hash=password_hash,
                preferred_language=Language.he,
            )
            session.add(user)
            await session.flush()
            stakeholder.user_id = user.id
            users[row["key"]] = user
        stakeholders[row["key"]] = stakeholder
    session.add_all(stakeholders.values())
    await session.flush()

    organisation_sector = {
        key: organisations[row["organisation"]].sector_id for key, row in ((r["key"], r) for r in data.STAKEHOLDERS)
    }
    roundtables: dict[str, Roundtable] = {}
    for row in data.ROUNDTABLES:
        roundtable = Roundtable(
            title=row["title"],
            title_en=row.get("title_en"),
            description=row.get("description", ""),
            host_organisation_id=organisations[row["host"]].id,
            status=RoundtableStatus(row["status"]),
            visibility=Visibility(row["visibility"]),
            policy_area=row.get("policy_area"),
            founding_reference=row.get("founding_reference"),
            started_on=row.get("started_on"),
            ended_on=row.get("ended_on"),
        )
        session.add(roundtable)
        await session.flush()
        roundtables[row["key"]] = roundtable
        for goal in row.get("goals", []):
            session.add(
                Goal(
                    roundtable_id=roundtable.id,
                    title=goal["title"],
                    description=goal.get("description", ""),
                    status=GoalStatus(goal.get("status", "open")),
                    target_date=goal.get("target_date"),
                )
            )
        for seat in row["seats"]:
            alternate = seat.get("alternate")
            session.add(
                Seat(
                    roundtable_id=roundtable.id,
                    stakeholder_id=stakeholders[seat["stakeholder"]].id,
                    role=Role(seat["role"]),
                    sector_id=organisation_sector[seat["stakeholder"]],
                    started_on=seat.get("started_on") or row.get("started_on") or date.today(),
                    ended_on=seat.get("ended_on") or row.get("ended_on"),
                    alternate_stakeholder_id=stakeholders[alternate].id if alternate else None,
                )
            )
    await session.flush()
    world: dict[str, dict[str, Any]] = {
        "sectors": sectors,
        "organisations": organisations,
        "stakeholders": stakeholders,
        "users": users,
        "roundtables": roundtables,
    }
    await build_history(session, world, date.today())
    return world
