"""Alembic environment: uses the connection handed over by ``zz_hub.migrate``."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from zz_hub.config import HubSettings
from zz_hub.db import normalise_url
from zz_hub.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # plain `alembic` command line: the configured database
    engine = create_engine(normalise_url(HubSettings().database))
    with engine.connect() as conn:
        context.configure(connection=conn, target_metadata=Base.metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
else:
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
