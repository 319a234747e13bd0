"""Schema migrations of the profile database (Alembic), run at start: refuse a database made by
a newer version, back up before migrating, then upgrade to head.

Alembic is imported only when a migration has to run: an up-to-date profile is recognised by
reading ``alembic_version`` directly, which keeps the app's start fast.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import OperationalError

from zz_desktop.errors import ProfileError
from zz_desktop.i18n import t

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_REVISION = re.compile(r'^revision\s*=\s*["\']([^"\']+)["\']', re.MULTILINE)
_DOWN = re.compile(r'^down_revision\s*=\s*["\']([^"\']+)["\']', re.MULTILINE)


def alembic_config(connection: object | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


@cache
def known_revisions() -> tuple[frozenset[str], str]:
    """All revision ids shipped with this version and the head (read from the scripts' text)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        if match := _REVISION.search(source):
            revisions.add(match.group(1))
        if match := _DOWN.search(source):
            parents.add(match.group(1))
    heads = revisions - parents
    if len(heads) != 1:
        raise RuntimeError(f"migrations must have exactly one head, found {sorted(heads)}")
    return frozenset(revisions), heads.pop()


def head_revision() -> str:
    return known_revisions()[1]


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        try:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except OperationalError:  # a new, empty database has no version table yet
            return None


def migrate(
    engine: Engine, backup: Callable[[str], Path | None], target: str = "head"
) -> str | None:
    """Bring the database to ``target``; returns the path of the backup made (if any)."""
    known, head = known_revisions()
    current = current_revision(engine)
    if current is not None and current not in known:
        raise ProfileError(
            t(
                "This profile was written by a newer version of Zukunftszentren Desktop "
                "(schema {revision}). Please install the current version.",
                revision=current,
            )
        )
    wanted = head if target == "head" else target
    if current == wanted:
        return None
    backup_path = None
    with engine.connect() as conn:
        has_tables = bool(inspect(conn).get_table_names())
    if current is not None or has_tables:
        made = backup(f"before-migration-{current or 'none'}")
        backup_path = str(made) if made else None
    from alembic import command

    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), target)
    return backup_path
