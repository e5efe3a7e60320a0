"""Creating the first platform admin from the command line, before anyone can sign in."""

from email_validator import EmailNotValidError, validate_email
from sqlalchemy import func, select

from shulchan.core.config import Settings
from shulchan.core.db import create_engine, create_sessionmaker
from shulchan.core.security import hash_password
from shulchan.identity.models import User


async def create_admin(settings: Settings, email: str, full_name: str, password: str) -> bool:
    """True when a user was created; an existing user with that email is made an admin instead."""
    try:
        email = validate_email(email, check_deliverability=False).normalized.lower()
    except EmailNotValidError as exc:
        raise ValueError(f"not a valid email address: {exc}") from exc
    engine = create_engine(settings)
    try:
        async with create_sessionmaker(engine)() as session, session.begin():
            user = await session.scalar(select(User).where(func.lower(User.email) == email))
            if user is not None:
                user.is_platform_admin = True
                user.is_active = True
                return False
            session.add(
                User(email=email, full_name=full_name, password_hash=hash_password(password), is_platform_admin=True)
            )
            return True
    finally:
        await engine.dispose()
