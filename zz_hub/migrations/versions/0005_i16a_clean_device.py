"""push at scale: ``sync_row.clean_device``

The device whose push left the row exactly as that device holds it (no field newer from anyone
else), or NULL. A pull with ``skip_own`` leaves such rows out for that device: it does not pull
back what it has just pushed (docs/sync.md, "Own pushes are not pulled back").

Revision ID: 0005_i16a
Revises: 0004_i14
Create Date: 2026-12-02 06:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_i16a"
down_revision = "0004_i14"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sync_row") as batch:
        batch.add_column(sa.Column("clean_device", sa.String(length=36), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sync_row") as batch:
        batch.drop_column("clean_device")
