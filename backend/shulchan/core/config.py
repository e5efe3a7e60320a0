"""One settings class, read from SHULCHAN_* environment variables (and an optional .env file)."""

from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Annotated

from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parents[3]
DEVELOPMENT_SECRET = "development-only-secret-change-me-0123456789"


class Environment(StrEnum):
    development = "development"
    test = "test"
    production = "production"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SHULCHAN_", env_file=".env", extra="ignore")

    # Production unless told otherwise: a server started bare must not accept the published
    # development secret. `make`, the e2e script and the tests say which environment they are.
    environment: Environment = Environment.production
    database_url: str = f"sqlite+aiosqlite:///{REPO_ROOT / 'var' / 'shulchan.db'}"
    # Connections per process: up to pool_size kept open, plus max_overflow opened under load. A
    # PostgreSQL server must fit workers × (pool_size + max_overflow) + the reserve (see the README).
    database_pool_size: int = Field(default=10, ge=1)
    database_max_overflow: int = Field(default=10, ge=0)
    database_connection_reserve: int = Field(default=10, ge=0)
    database_pool_recycle_seconds: int = Field(default=1800, ge=60)
    # Time limits, so that a hung or unreachable database costs a request a 503, never a hang:
    # opening a connection, one statement (the server cancels it; the client gives up a little
    # later on a connection that stopped answering), and waiting for a free pooled connection.
    database_connect_timeout_seconds: float = Field(default=5, gt=0)
    database_statement_timeout_seconds: float = Field(default=15, gt=0)
    database_pool_timeout_seconds: float = Field(default=5, gt=0)
    readiness_timeout_seconds: float = Field(default=1.5, gt=0)
    shutdown_timeout_seconds: float = Field(default=10, gt=0)
    # PostgreSQL: the role the app serves as, when it is not the tables' owner (core.app_role).
    app_role: str | None = None
    secret_key: str = DEVELOPMENT_SECRET
    jwt_issuer: str = "shulchan"
    jwt_audience: str = "shulchan-api"
    access_token_minutes: int = Field(default=15, ge=1, le=24 * 60)
    refresh_token_days: int = Field(default=30, ge=1, le=365)
    login_max_failures_per_account: int = Field(default=5, ge=1)
    login_max_failures_per_address: int = Field(default=20, ge=1)
    login_failure_window_seconds: int = Field(default=15 * 60, ge=1)
    max_request_body_bytes: int = Field(default=1_048_576, ge=1024)
    attachment_max_bytes: int = Field(default=20 * 1_048_576, ge=1024)
    attachments_dir: Path = REPO_ROOT / "var" / "attachments"
    cors_origins: Annotated[list[str], NoDecode] = []
    demo_mode: bool = False
    frontend_dist: Path = REPO_ROOT / "frontend" / "dist"
    migrations_dir: Path = REPO_ROOT / "migrations"

    @field_validator("cors_origins", mode="before")
    @classmethod
    def split_origins(cls, value: object) -> object:
        if isinstance(value, str):
            return [origin.strip() for origin in value.split(",") if origin.strip()]
        return value

    @model_validator(mode="after")
    def refuse_weak_secrets(self) -> "Settings":
        if len(self.secret_key.encode()) < 32:
            raise ValueError("SHULCHAN_SECRET_KEY must be at least 32 bytes")
        if self.environment != Environment.development and self.secret_key == DEVELOPMENT_SECRET:
            raise ValueError("SHULCHAN_SECRET_KEY still has its development default; set a secret of your own")
        if self.environment == Environment.production and self.demo_mode:
            raise ValueError("SHULCHAN_DEMO_MODE must not be on in production")
        return self

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


@lru_cache
def get_settings() -> Settings:
    return Settings()
