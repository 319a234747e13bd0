"""Schema migrations on start: upgrade to head, or refuse a database made by a newer hub.

Several hub processes may start at once on one PostgreSQL database, so the upgrade runs under an
advisory lock; on SQLite the ``BEGIN IMMEDIATE`` write lock plays that part.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Connection, insert, select, text

from zz_hub.db import WRITE_OPTION, Database
from zz_hub.models import SeqCounter
from zz_hub.seq import COUNTER_ID

_LOCK_KEY = 0x7A7A_4855_42  # "zzHUB"


class NewerDatabaseError(RuntimeError):
    """The database was migrated by a newer zz-hub than this one."""


def _config(connection: Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def check_not_newer(connection: Connection) -> None:
    revision = current_revision(connection)
    if revision is None:
        return
    try:
        ScriptDirectory.from_config(_config()).get_revision(revision)
    except CommandError:
        raise NewerDatabaseError(
            f"database schema {revision} was made by a newer zz-hub; update zz-hub to use it"
        ) from None


def upgrade(database: Database) -> None:
    postgres = database.engine.dialect.name == "postgresql"
    with database.engine.connect().execution_options(**{WRITE_OPTION: True}) as conn:
        if postgres:
            # A migration may take long (backfills); others wait for it without a lock timeout.
            conn.execute(text("SET lock_timeout = 0"))
            conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": _LOCK_KEY})
            conn.commit()
        try:
            check_not_newer(conn)
            conn.rollback()
            if current_revision(conn) != head_revision():
                command.upgrade(_config(conn), "head")
            conn.commit()
            exists = conn.execute(select(SeqCounter.id).where(SeqCounter.id == COUNTER_ID)).first()
            if exists is None:
                conn.execute(insert(SeqCounter).values(id=COUNTER_ID, value=0, purged_up_to=0))
            conn.commit()
        finally:
            if postgres:
                conn.rollback()
                conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": _LOCK_KEY})
                conn.execute(text("RESET lock_timeout"))
                conn.commit()
