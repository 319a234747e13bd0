"""Alembic environment: migrations always run on a connection handed in by the app (the
encrypted engine); there is no URL in a config file."""

from __future__ import annotations

from alembic import context

from zz_desktop.store import models  # noqa: F401  (registers the tables)
from zz_desktop.store.base import Base

target_metadata = Base.metadata
connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("zz-desktop migrations run only through zz_desktop.store.migrate")
context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
