"""The `shulchan` command: serve, migrate, create-app-role, new-migration, seed-demo, create-admin,
search reindex, export-openapi, attachments verify, backup, restore."""

import argparse
import asyncio
import getpass
import json
import os
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path

from pydantic import ValidationError
from sqlalchemy.exc import DBAPIError, OperationalError

from shulchan.core.config import REPO_ROOT, Settings, get_settings


class CliError(Exception):
    """A problem the user can fix; printed without a traceback."""


def _settings() -> Settings:
    try:
        return get_settings()
    except ValidationError as exc:
        problems = "; ".join(str(error["msg"]) for error in exc.errors())
        raise CliError(f"configuration is invalid: {problems}") from exc


def _database_error(exc: Exception, settings: Settings) -> CliError:
    where = settings.database_url.split("@")[-1]
    return CliError(f"cannot use the database at {where}: {str(exc).splitlines()[0]}")


def cmd_migrate(args: argparse.Namespace) -> None:
    from shulchan.core import migrations

    settings = _settings()
    try:
        if args.downgrade:
            filled = [] if args.yes_destroy_data else migrations.tables_with_data(settings)
            if filled:
                raise CliError(
                    f"refusing to downgrade to {args.downgrade}: the database holds data ({', '.join(filled[:6])}"
                    f"{', …' if len(filled) > 6 else ''}), and a downgrade drops whatever the newer schema holds. "
                    "Back the database up, then run again with --yes-destroy-data."
                )
            migrations.downgrade(settings, args.downgrade)
        else:
            migrations.upgrade(settings, args.revision)
    except (OperationalError, DBAPIError, OSError) as exc:
        raise _database_error(exc, settings) from exc
    print(f"database migrated ({args.downgrade or args.revision})")
    if settings.app_role and not settings.is_sqlite and not args.downgrade:
        _grant(settings, settings.app_role, None)  # tables a migration added are covered too
        print(f"rights granted to the app's role {settings.app_role}")


def _grant(settings: Settings, role: str, password: str | None) -> None:
    from shulchan.core import app_role

    try:
        if password is None:
            app_role.grant_app_role(settings, role)
        else:
            app_role.create_app_role(settings, role, password)
    except (OperationalError, DBAPIError, OSError) as exc:
        raise _database_error(exc, settings) from exc
    except ValueError as exc:
        raise CliError(str(exc)) from exc


def cmd_create_app_role(args: argparse.Namespace) -> None:
    settings = _settings()
    if settings.is_sqlite:
        raise CliError("the app's role is a PostgreSQL role; SQLite has no roles")
    password = os.environ.get("SHULCHAN_APP_ROLE_PASSWORD") or (
        getpass.getpass(f"Password for role {args.role}: ") if sys.stdin.isatty() else ""
    )
    if len(password) < 12:
        raise CliError("the password must have at least 12 characters (set SHULCHAN_APP_ROLE_PASSWORD or type it)")
    _grant(settings, args.role, password)
    print(
        f"role {args.role} can sign in and has the app's rights (SELECT and INSERT only on the audit trail); "
        f"serve with SHULCHAN_DATABASE_URL naming {args.role}"
    )


def cmd_new_migration(args: argparse.Namespace) -> None:
    from shulchan.core import migrations

    path = migrations.new_revision(_settings(), args.message)
    print(
        f"wrote {path.relative_to(REPO_ROOT) if path.is_relative_to(REPO_ROOT) else path}:"
        " read it over before committing"
    )


def cmd_seed_demo(args: argparse.Namespace) -> None:
    from shulchan.demo.seed import seed_demo

    settings = _settings()
    try:
        created = asyncio.run(seed_demo(settings, only_if_empty=args.if_empty))
    except (OperationalError, DBAPIError, OSError) as exc:
        raise _database_error(exc, settings) from exc
    print("demo world created" if created else "database already has data; demo world not added")


def cmd_create_admin(args: argparse.Namespace) -> None:
    from shulchan.identity.admin import create_admin

    settings = _settings()
    password = os.environ.get("SHULCHAN_ADMIN_PASSWORD") or (
        getpass.getpass("Password for the new admin (12+ characters): ") if sys.stdin.isatty() else ""
    )
    if len(password) < 12:
        raise CliError("the password must have at least 12 characters (set SHULCHAN_ADMIN_PASSWORD or type it)")
    try:
        created = asyncio.run(create_admin(settings, args.email, args.full_name, password))
    except (OperationalError, DBAPIError, OSError) as exc:
        raise _database_error(exc, settings) from exc
    except ValueError as exc:
        raise CliError(str(exc)) from exc
    print(f"admin {args.email} {'created' if created else 'already existed; made a platform admin'}")


def cmd_export_openapi(args: argparse.Namespace) -> None:
    from shulchan.main import create_app

    spec = json.dumps(create_app(_settings()).openapi(), indent=2, ensure_ascii=False, sort_keys=False) + "\n"
    if args.output == "-":
        sys.stdout.write(spec)
        return
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text(spec, encoding="utf-8")
    print(f"wrote {args.output}")


def cmd_search_reindex(_args: argparse.Namespace) -> None:
    import shulchan.main  # noqa: F401  (registers every domain's index hook)
    from shulchan.core.db import create_engine, create_sessionmaker
    from shulchan.search.morphology import hspell
    from shulchan.search.reindex import reindex

    settings = _settings()
    if not hspell().available:
        print("hspell is not installed: Hebrew words are indexed by surface forms and prefixes only", file=sys.stderr)

    async def run() -> list[str]:
        engine = create_engine(settings)
        try:
            async with create_sessionmaker(engine)() as session, session.begin():
                return [f"{done.objects} {done.kind}" for done in await reindex(session)]
        finally:
            await engine.dispose()

    try:
        counts = asyncio.run(run())
    except (OperationalError, DBAPIError, OSError) as exc:
        raise _database_error(exc, settings) from exc
    print("search index rebuilt: " + ", ".join(counts))


def cmd_attachments_verify(args: argparse.Namespace) -> None:
    from shulchan.knowledge.store_check import verify_store

    settings = _settings()
    try:
        report = asyncio.run(verify_store(settings, remove=not args.dry_run, grace_seconds=args.grace_minutes * 60))
    except (OperationalError, DBAPIError, OSError) as exc:
        raise _database_error(exc, settings) from exc
    done = "listed only (--dry-run)" if args.dry_run else "removed"
    for path in report.orphans:
        print(f"orphan file, no attachment names it ({done}): {path}")
    for path in report.abandoned:
        print(f"upload that never committed ({done}): {path}")
    for path in report.completed:
        print(f"committed upload given its name{' (not done: --dry-run)' if args.dry_run else ''}: {path}")
    for attachment_id in report.missing:
        print(f"attachment {attachment_id}: its file is missing (restore it from a backup)")
    print("attachment store is consistent" if report.clean else "attachment store checked")
    if report.missing:
        raise CliError(f"{len(report.missing)} attachment file(s) missing")


def cmd_backup(args: argparse.Namespace) -> None:
    from shulchan.backup import BackupError, backup

    settings = _settings()
    try:
        written = backup(settings, Path(args.output))
    except (BackupError, OSError, sqlite3.Error) as exc:
        raise CliError(f"backup failed: {exc}") from exc
    print(f"wrote {written}")


def cmd_restore(args: argparse.Namespace) -> None:
    from shulchan.backup import BackupError, restore

    if not args.yes_replace_data:
        raise CliError("restoring replaces the database and the attachment files: add --yes-replace-data")
    settings = _settings()
    try:
        manifest = restore(settings, Path(args.archive))
    except (BackupError, OSError, sqlite3.Error, KeyError, ValueError) as exc:
        raise CliError(f"restore failed: {exc}") from exc
    print(f"restored the backup of {manifest['created_at']} ({manifest['attachments']} attachment files)")


def cmd_serve(args: argparse.Namespace) -> None:
    import uvicorn

    settings = _settings()
    if settings.demo_mode:
        from shulchan.demo.seed import DEMO_PASSWORD, demo_users

        print(f"\nShulchan demo sign-ins (password for all: {DEMO_PASSWORD}):")
        for email, role in demo_users():
            print(f"  {email:<34} {role}")
        print()
    if not settings.is_sqlite:
        _check_connection_budget(settings, args.workers)
    print(f"Shulchan on http://{args.host}:{args.port}  (API docs: http://{args.host}:{args.port}/api/docs)")
    uvicorn.run(
        "shulchan.main:create_app",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        proxy_headers=True,
        forwarded_allow_ips=args.forwarded_allow_ips,
        log_level=args.log_level,
        access_log=args.access_log,
        # On SIGTERM, requests in flight get this long to finish; then the process exits regardless.
        timeout_graceful_shutdown=max(1, round(settings.shutdown_timeout_seconds)),
    )


def _check_connection_budget(settings: Settings, workers: int) -> None:
    """Refuse to start what PostgreSQL could not serve: under load, the connections past its limit
    would be refused, and requests answer 503 although every process is healthy."""
    from shulchan.core.db import connection_budget

    try:
        budget = asyncio.run(connection_budget(settings, workers))
    except (OperationalError, DBAPIError, OSError) as exc:
        print(f"warning: could not check the connection budget ({_database_error(exc, settings)})", file=sys.stderr)
        return
    if not budget.fits:
        raise CliError(
            f"the connection pools do not fit the database: {budget.explain()}. Lower --workers, "
            "SHULCHAN_DATABASE_POOL_SIZE or SHULCHAN_DATABASE_MAX_OVERFLOW, or raise the server's max_connections."
        )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="shulchan", description="Shulchan: intersectoral roundtables. Configure with SHULCHAN_* variables."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    serve = commands.add_parser("serve", help="run the API (and the built web app) with uvicorn")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    serve.add_argument("--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"])
    serve.add_argument("--no-access-log", dest="access_log", action="store_false")
    serve.add_argument(
        "--forwarded-allow-ips",
        metavar="ADDRESSES",
        help="proxies whose X-Forwarded-For is believed (comma-separated addresses or networks; default"
        " $FORWARDED_ALLOW_IPS, else 127.0.0.1); see the README on running behind a proxy",
    )
    serve.set_defaults(handler=cmd_serve)

    migrate = commands.add_parser("migrate", help="bring the database schema up to date (Alembic)")
    migrate.add_argument("--revision", default="head", help="upgrade to this revision (default head)")
    migrate.add_argument("--downgrade", metavar="REVISION", help="downgrade to this revision instead (e.g. base)")
    migrate.add_argument(
        "--yes-destroy-data",
        action="store_true",
        help="downgrade even though the database holds data (refused without it; back up first)",
    )
    migrate.set_defaults(handler=cmd_migrate)

    app_role = commands.add_parser(
        "create-app-role",
        help="PostgreSQL, as the tables' owner: create the role the app serves as, with only the rights it needs",
    )
    app_role.add_argument(
        "--role",
        default=os.environ.get("SHULCHAN_APP_ROLE") or "shulchan_app",
        help="the role's name (default SHULCHAN_APP_ROLE, else shulchan_app); password from SHULCHAN_APP_ROLE_PASSWORD",
    )
    app_role.set_defaults(handler=cmd_create_app_role)

    new_migration = commands.add_parser(
        "new-migration", help="write the next Alembic revision, autogenerated from the models"
    )
    new_migration.add_argument("message", help='what it changes, e.g. "domain events"')
    new_migration.set_defaults(handler=cmd_new_migration)

    seed = commands.add_parser("seed-demo", help="fill the database with the demo world")
    seed.add_argument("--if-empty", action="store_true", help="do nothing when the database already has users")
    seed.set_defaults(handler=cmd_seed_demo)

    admin = commands.add_parser(
        "create-admin", help="create a platform admin (password from SHULCHAN_ADMIN_PASSWORD or a prompt)"
    )
    admin.add_argument("--email", required=True)
    admin.add_argument("--full-name", required=True)
    admin.set_defaults(handler=cmd_create_admin)

    search = commands.add_parser("search", help="the search index").add_subparsers(
        dest="search_command", required=True, metavar="SEARCH_COMMAND"
    )
    search.add_parser(
        "reindex", help="rebuild the search index through every object's index hook (after an analysis change)"
    ).set_defaults(handler=cmd_search_reindex)

    attachments = commands.add_parser("attachments", help="the attachment store")
    attachment_commands = attachments.add_subparsers(dest="attachments_command", required=True, metavar="COMMAND")
    verify = attachment_commands.add_parser(
        "verify", help="check the store against the database: remove orphan files, list missing ones"
    )
    verify.add_argument("--dry-run", action="store_true", help="list only, change nothing")
    verify.add_argument(
        "--grace-minutes", type=float, default=60, help="leave partial uploads younger than this (default 60)"
    )
    verify.set_defaults(handler=cmd_attachments_verify)

    backup = commands.add_parser("backup", help="write the database and the attachment files to one archive")
    backup.add_argument("--output", default=".", help="the archive's path, or a folder for a dated one (default .)")
    backup.set_defaults(handler=cmd_backup)

    restore = commands.add_parser("restore", help="replace the database and attachment files with a backup's")
    restore.add_argument("archive")
    restore.add_argument("--yes-replace-data", action="store_true", help="confirm: the current data is replaced")
    restore.set_defaults(handler=cmd_restore)

    export = commands.add_parser("export-openapi", help="write the OpenAPI spec")
    export.add_argument("--output", default=str(REPO_ROOT / "openapi" / "openapi.json"), help="a path, or - for stdout")
    export.set_defaults(handler=cmd_export_openapi)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        args.handler(args)
    except CliError as exc:
        print(f"shulchan: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
