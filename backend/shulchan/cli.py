"""The `shulchan` command: serve, migrate, new-migration, seed-demo, create-admin, export-openapi,
attachments verify, backup, restore."""

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
            migrations.downgrade(settings, args.downgrade)
        else:
            migrations.upgrade(settings, args.revision)
    except (OperationalError, DBAPIError, OSError) as exc:
        raise _database_error(exc, settings) from exc
    print(f"database migrated ({args.downgrade or args.revision})")


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
    migrate.set_defaults(handler=cmd_migrate)

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
