"""The ``zz-hub`` command line: serve, demo and admin commands.

Every command takes ``--database URL`` (default ``ZZ_HUB_DATABASE`` or the embedded SQLite file),
migrates the database first, exits 0 on success and non-zero with one line on stderr on failure.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from zz_hub import accounts, admin, backup, logs
from zz_hub.config import HubSettings
from zz_hub.db import Database, connection_limit, threads_per_worker
from zz_hub.migrate import NewerDatabaseError, upgrade

log = logging.getLogger("zz_hub")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="zz-hub", description="Zukunftszentren sync hub")
    sub = parser.add_subparsers(dest="command", required=True)

    def with_db(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument("--database", help="database URL (sqlite:///… or postgresql://…)")
        return p

    serve = with_db(sub.add_parser("serve", help="run the hub"))
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument("--workers", type=int, default=1, help="worker processes (PostgreSQL)")
    serve.add_argument("--ssl-certfile")
    serve.add_argument("--ssl-keyfile")
    serve.add_argument(
        "--forwarded-allow-ips",
        help="addresses of reverse proxies whose X-Forwarded-For is trusted",
    )
    serve.add_argument("--log-level", default="info")
    serve.add_argument(
        "--log-format",
        choices=("text", "json"),
        help="log lines as text or JSON (ZZ_HUB_LOG_FORMAT)",
    )

    with_db(sub.add_parser("demo", help="create demo centres and accounts (password: demo)"))

    adm = sub.add_parser("admin", help="centres, accounts, devices").add_subparsers(
        dest="action", required=True
    )
    centre = with_db(adm.add_parser("create-centre"))
    centre.add_argument("code")
    centre.add_argument("name")
    centre.add_argument("--state", required=True)
    centre.add_argument("--kind", required=True, choices=admin.CENTRE_KINDS)
    user = with_db(adm.add_parser("add-user"))
    user.add_argument("name")
    user.add_argument("--centre")
    user.add_argument("--role", required=True, choices=admin.ROLES)
    user.add_argument("--password-stdin", action="store_true", required=True)
    user.add_argument("--display-name")
    user.add_argument("--partner")
    with_db(
        adm.add_parser("new-epoch", help="after restoring a backup: devices re-send what it lacks")
    )
    rev = with_db(adm.add_parser("revoke"))
    who = rev.add_mutually_exclusive_group(required=True)
    who.add_argument("--user")
    who.add_argument("--device")
    devices = with_db(adm.add_parser("list-devices"))
    devices.add_argument("--centre", help="only the devices of this centre's accounts")
    state = with_db(
        adm.add_parser("device-state", help="each centre's devices: last sync, version")
    )
    state.add_argument("--centre")
    with_db(adm.add_parser("list-users"))
    for name in ("disable-user", "enable-user"):
        with_db(adm.add_parser(name)).add_argument("name")
    reset = with_db(adm.add_parser("reset-password", help="new password; revokes the devices"))
    reset.add_argument("name")
    reset.add_argument("--password-stdin", action="store_true", required=True)
    role = with_db(adm.add_parser("set-role"))
    role.add_argument("name")
    role.add_argument("role", choices=admin.ROLES)
    role.add_argument("--centre", help="also move the account to this centre")
    back = with_db(sub.add_parser("backup", help="write a backup of the hub database"))
    back.add_argument("file", type=Path)
    rest = with_db(sub.add_parser("restore", help="replace the hub database by a backup"))
    rest.add_argument("file", type=Path)
    purge = with_db(adm.add_parser("purge-tombstones"))
    purge.add_argument("--older-than-days", type=int)
    check = with_db(
        adm.add_parser(
            "validate-rows",
            help="list rows stored before validation (exit 3 when there are any)",
        )
    )
    check.add_argument("--centre", help="only this centre (its code)")
    return parser


def _settings(args: argparse.Namespace) -> HubSettings:
    if getattr(args, "database", None):
        return HubSettings(database=args.database)
    return HubSettings()


def _open(settings: HubSettings) -> Database:
    db = Database(settings.database)
    upgrade(db)
    return db


def _fit_pools(db: Database, settings: HubSettings, workers: int) -> HubSettings:
    """Fewer threads (and pool connections) per worker when all workers' pools would not fit
    PostgreSQL's ``max_connections``; the workers read the number from the environment."""
    limit = connection_limit(db.engine)
    if limit is None:
        return settings
    threads = threads_per_worker(settings.threads, workers, *limit)
    if threads == settings.threads:
        return settings
    log.info(
        "PostgreSQL allows %d connections: %d threads per worker instead of %d",
        limit[0],
        threads,
        settings.threads,
    )
    os.environ["ZZ_HUB_THREADS"] = str(threads)
    return settings.model_copy(update={"threads": threads})


def _serve(args: argparse.Namespace, settings: HubSettings) -> int:
    import uvicorn

    log_format = args.log_format or settings.log_format
    logs.configure(log_format)
    os.environ["ZZ_HUB_LOG_FORMAT"] = log_format  # workers configure their logging alike

    db = _open(settings)
    settings = _fit_pools(db, settings, args.workers)
    purged = admin.purge_tombstones(db, settings.tombstone_days)
    if purged:
        log.info("purged %d old tombstones", purged)
    from zz_hub.blobs import purge_stale_uploads

    if stale := purge_stale_uploads(db, dt.timedelta(hours=settings.blob_upload_hours)):
        log.info("removed %d file uploads never completed", stale)
    db.dispose()
    options: dict[str, object] = {
        "host": args.host,
        "port": args.port,
        "log_level": args.log_level,
        "ssl_certfile": args.ssl_certfile,
        "ssl_keyfile": args.ssl_keyfile,
        "proxy_headers": bool(args.forwarded_allow_ips),
        "forwarded_allow_ips": args.forwarded_allow_ips,
        "server_header": False,
        # Our root logging (text or JSON) instead of uvicorn's own formatters.
        "log_config": None,
        # Keep idle connections 75 s (nginx's default) rather than uvicorn's 5 s: under load a
        # client's pooled connection is otherwise often closed just as it sends the next request.
        "timeout_keep_alive": 75,
    }
    if args.workers > 1:
        # Workers build the app from the environment; all state lives in the database.
        os.environ["ZZ_HUB_DATABASE"] = settings.database
        uvicorn.run("zz_hub.main:app_from_env", factory=True, workers=args.workers, **options)  # type: ignore[arg-type]
    else:
        from zz_hub.main import create_app

        uvicorn.run(create_app(settings, migrate=False), **options)  # type: ignore[arg-type]
    return 0


def _run(args: argparse.Namespace) -> int:
    settings = _settings(args)
    if args.command == "serve":
        return _serve(args, settings)
    if args.command == "backup":
        print(backup.backup(settings.database, args.file))
        return 0
    if args.command == "restore":
        backup.restore(settings.database, args.file)
        print(f"restored {args.file}")
        return 0
    db = _open(settings)
    try:
        if args.command == "demo":
            from zz_hub.demo import DEMO_PASSWORD, seed_demo

            seeded = seed_demo(db, settings)
            print(f"Demo accounts (password for all: {DEMO_PASSWORD}):")
            for username, role, centre in seeded:
                print(f"  {username:<14} {role:<12} {centre or '-'}")
            return 0
        action = args.action
        if action == "create-centre":
            made = admin.create_centre(db, args.code, args.name, args.state, args.kind)
            print(made.id)
        elif action == "add-user":
            password = sys.stdin.readline().rstrip("\r\n")
            user = admin.add_user(
                db,
                settings,
                args.name,
                args.centre,
                args.role,
                password,
                args.display_name,
                args.partner,
            )
            print(user.id)
        elif action == "revoke":
            count = admin.revoke(db, username=args.user, device_id=args.device)
            print(f"revoked {count} device(s)")
        elif action == "list-devices":
            for d in admin.list_devices(db, args.centre):
                state = "revoked" if d.revoked_at else "active"
                print(f"{d.id}\t{d.username}\t{state}\t{_when(d.last_seen_at)}\t{d.name}")
        elif action == "device-state":
            _device_state(admin.list_devices(db, args.centre))
        elif action == "list-users":
            for u in accounts.list_users(db):
                state = "active" if u.active else "disabled"
                print(
                    f"{u.username}\t{u.role}\t{u.centre_code or '-'}\t{state}\t"
                    f"{u.devices} device(s)\t{u.display_name}"
                )
        elif action in ("disable-user", "enable-user"):
            accounts.set_active(db, args.name, action == "enable-user")
            print(f"{args.name}: {'enabled' if action == 'enable-user' else 'disabled'}")
        elif action == "reset-password":
            password = sys.stdin.readline().rstrip("\r\n")
            revoked = accounts.reset_password(db, settings, args.name, password)
            print(f"{args.name}: password reset, revoked {revoked} device(s)")
        elif action == "set-role":
            accounts.set_role(db, args.name, args.role, args.centre)
            print(f"{args.name}: {args.role}")
        elif action == "new-epoch":
            from zz_hub.epoch import begin_new_epoch

            new = begin_new_epoch(db)
            print(f"new epoch {new.id}: devices re-send what the restored data lacks")
        elif action == "purge-tombstones":
            days = (
                args.older_than_days
                if args.older_than_days is not None
                else settings.tombstone_days
            )
            print(f"purged {admin.purge_tombstones(db, days)} tombstone(s)")
        elif action == "validate-rows":
            return _validate_rows(db, args.centre)
        return 0
    finally:
        db.dispose()


def _validate_rows(db: Database, centre: str | None) -> int:
    from zz_hub.row_check import invalid_rows

    found = 0
    for row in invalid_rows(db, centre):
        found += 1
        print(f"{row.centre}\t{row.entity}\t{row.entity_id}\t{row.grade}\t{row.problem}")
    print(f"{found} row(s) need attention" if found else "all rows valid", file=sys.stderr)
    return 3 if found else 0


def _when(moment: dt.datetime | None) -> str:
    return moment.isoformat(timespec="seconds") if moment else "-"


def _device_state(lines: list[admin.DeviceLine]) -> None:
    """Per centre: each device, its account, state, last sync and the release it runs."""
    centre: str | None = ""
    for d in lines:
        if d.centre_code != centre:
            centre = d.centre_code
            print(f"{centre or '(no centre)'}:")
        state = "revoked" if d.revoked_at else "active"
        print(
            f"  {d.username}\t{d.name}\t{state}\tlast sync {_when(d.last_seen_at)}\t"
            f"version {d.client_version or '-'}"
        )


def main(argv: Sequence[str] | None = None) -> int:
    logs.configure(os.environ.get("ZZ_HUB_LOG_FORMAT", "text"))
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except (admin.AdminError, NewerDatabaseError, ValueError) as exc:
        print(f"zz-hub: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a one-line error, never a traceback (messages may quote data)
        print(f"zz-hub: error: {type(exc).__name__}: {_first_line(exc)}", file=sys.stderr)
        return 1


def _first_line(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:200] if text else "failed"
