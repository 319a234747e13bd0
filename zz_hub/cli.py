"""The ``zz-hub`` command line: serve, demo and admin commands.

Every command takes ``--database URL`` (default ``ZZ_HUB_DATABASE`` or the embedded SQLite file),
migrates the database first, exits 0 on success and non-zero with one line on stderr on failure.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence

from zz_hub import admin
from zz_hub.config import HubSettings
from zz_hub.db import Database
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
    with_db(adm.add_parser("list-devices"))
    purge = with_db(adm.add_parser("purge-tombstones"))
    purge.add_argument("--older-than-days", type=int)
    return parser


def _settings(args: argparse.Namespace) -> HubSettings:
    if getattr(args, "database", None):
        return HubSettings(database=args.database)
    return HubSettings()


def _open(settings: HubSettings) -> Database:
    db = Database(settings.database)
    upgrade(db)
    return db


def _serve(args: argparse.Namespace, settings: HubSettings) -> int:
    import uvicorn

    db = _open(settings)
    purged = admin.purge_tombstones(db, settings.tombstone_days)
    if purged:
        log.info("purged %d old tombstones", purged)
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
    db = _open(settings)
    try:
        if args.command == "demo":
            from zz_hub.demo import DEMO_PASSWORD, seed_demo

            accounts = seed_demo(db, settings)
            print(f"Demo accounts (password for all: {DEMO_PASSWORD}):")
            for username, role, centre in accounts:
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
            for d in admin.list_devices(db):
                state = "revoked" if d.revoked_at else "active"
                seen = d.last_seen_at.isoformat(timespec="seconds") if d.last_seen_at else "-"
                print(f"{d.id}\t{d.username}\t{state}\t{seen}\t{d.name}")
        elif action == "new-epoch":
            from zz_hub.epoch import begin_new_epoch

            new = begin_new_epoch(db)
            print(f"new epoch {new.id}: devices re-send what came after {new.base}")
        elif action == "purge-tombstones":
            days = (
                args.older_than_days
                if args.older_than_days is not None
                else settings.tombstone_days
            )
            print(f"purged {admin.purge_tombstones(db, days)} tombstone(s)")
        return 0
    finally:
        db.dispose()


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    logging.getLogger("alembic").setLevel(logging.WARNING)
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
