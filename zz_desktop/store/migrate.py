"""Schema migrations of the profile database (Alembic), run at start: refuse a database made by
a newer version, back up before migrating, then upgrade to head."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from zz_desktop.errors import ProfileError
from zz_desktop.i18n import t

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config(connection: object | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def migrate(
    engine: Engine, backup: Callable[[str], Path | None], target: str = "head"
) -> str | None:
    """Bring the database to ``target``; returns the path of the backup made (if any)."""
    script = ScriptDirectory.from_config(alembic_config())
    current = current_revision(engine)
    known = {rev.revision for rev in script.walk_revisions()}
    if current is not None and current not in known:
        raise ProfileError(
            t(
                "This profile was written by a newer version of Zukunftszentren Desktop "
                "(schema {revision}). Please install the current version.",
                revision=current,
            )
        )
    wanted = script.get_current_head() if target == "head" else target
    if current == wanted:
        return None
    backup_path = None
    with engine.connect() as conn:
        has_tables = bool(inspect(conn).get_table_names())
    if current is not None or has_tables:
        made = backup(f"before-migration-{current or 'none'}")
        backup_path = str(made) if made else None
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), target)
    return backup_path
