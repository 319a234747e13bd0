"""the hub's epoch (instance id) and the last sequence number carried into it, on the counter row

Revision ID: 0003_i9
Revises: 0002
Create Date: 2026-12-01 22:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_i9"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("seq_counter") as batch:
        batch.add_column(sa.Column("epoch", sa.String(36), nullable=True))
        batch.add_column(
            sa.Column(
                "epoch_base",
                sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
                nullable=False,
                server_default="0",
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("seq_counter") as batch:
        batch.drop_column("epoch_base")
        batch.drop_column("epoch")
