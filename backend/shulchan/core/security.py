"""Password hashing and JWTs. The only module that imports python-jose."""

import functools
import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

import anyio
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from jose import JWTError, jwt

from shulchan.core.config import Settings
from shulchan.core.models import utcnow

JWT_ALGORITHM = "HS256"
_password_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters
# Verified against when the email is unknown, so a miss costs as much time as a wrong password.
_DUMMY_HASH = _password_hasher.hash(secrets.token_urlsafe(16))


def hash_password(password: str) -> str:
    return _password_hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        return _password_hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


# argon2 takes tens of milliseconds of CPU and memory by design. On the event loop it would stall
# every other request of the process; in threads without a bound, a burst of sign-ins would take all
# the memory and cores. So hashing runs off the loop, two at a time per process (the C code releases
# the GIL); the rest wait their turn without blocking anyone else.
_HASHING = anyio.CapacityLimiter(2)


async def hash_password_off_loop(password: str) -> str:
    return await anyio.to_thread.run_sync(hash_password, password, limiter=_HASHING)


async def verify_password_off_loop(password_hash: str | None, password: str) -> bool:
    return await anyio.to_thread.run_sync(verify_password, password_hash, password, limiter=_HASHING)


def password_needs_rehash(password_hash: str) -> bool:
    return _password_hasher.check_needs_rehash(password_hash)


def new_opaque_token() -> str:
    return secrets.token_urlsafe(32)


def hash_token(token: str) -> str:
    """Tokens are stored only as their SHA-256: a leaked table gives no usable token."""
    return hashlib.sha256(token.encode()).hexdigest()


class TokenType(StrEnum):
    access = "access"


@dataclass(frozen=True)
class AccessClaims:
    user_id: uuid.UUID
    session_id: uuid.UUID
    token_id: str
    expires_at: datetime


def create_access_token(settings: Settings, user_id: uuid.UUID, session_id: uuid.UUID) -> tuple[str, datetime]:
    now = utcnow()
    expires_at = now + timedelta(minutes=settings.access_token_minutes)
    claims = {
        "sub": str(user_id),
        "sid": str(session_id),
        "jti": uuid.uuid4().hex,
        "typ": TokenType.access.value,
        "iat": int(now.timestamp()),
        "exp": int(expires_at.timestamp()),
        "iss": settings.jwt_issuer,
        "aud": settings.jwt_audience,
    }
    return jwt.encode(claims, settings.secret_key, algorithm=JWT_ALGORITHM), expires_at


class InvalidToken(Exception):
    pass


def decode_access_token(settings: Settings, token: str) -> AccessClaims:
    """Verified claims of an access token; 401-worthy InvalidToken for anything else.

    A token that verified once verifies again until it expires (signature, audience and issuer
    are facts of the token and the settings), so verified tokens are remembered and only their
    expiry is checked again: every request of a session presents the same token.
    """
    claims = _verified_claims(token, settings.secret_key, settings.jwt_issuer, settings.jwt_audience)
    if claims.expires_at <= utcnow():
        raise InvalidToken("expired")
    return claims


@functools.lru_cache(maxsize=4096)
def _verified_claims(token: str, secret_key: str, issuer: str, audience: str) -> AccessClaims:
    try:
        claims = jwt.decode(
            token,
            secret_key,
            algorithms=[JWT_ALGORITHM],
            audience=audience,
            issuer=issuer,
            options={
                "require_exp": True,
                "require_iat": True,
                "require_aud": True,
                "require_iss": True,
                "require_sub": True,
                "require_jti": True,
            },
        )
    except JWTError as exc:
        raise InvalidToken(str(exc)) from exc
    if claims.get("typ") != TokenType.access.value:
        raise InvalidToken("not an access token")
    try:
        return AccessClaims(
            user_id=uuid.UUID(claims["sub"]),
            session_id=uuid.UUID(claims["sid"]),
            token_id=str(claims["jti"]),
            expires_at=datetime.fromtimestamp(int(claims["exp"]), tz=utcnow().tzinfo),
        )
    except (KeyError, ValueError, TypeError) as exc:
        raise InvalidToken("malformed claims") from exc
