"""device-local sync bookkeeping: ops the hub rejected (shown to the user with the reason) and
pulled rows held back (parent not yet arrived, or quarantined because they cannot be stored), and the outbox's ``strict`` flag

Revision ID: 0005_i9
Revises: 0004
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_i9"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(
            sa.Column("strict", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    op.create_table(
        "sync_rejected",
        sa.Column("op_id", sa.String(64), primary_key=True),
        sa.Column("entity", sa.String(40), nullable=False),
        sa.Column("entity_id", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("reason", sa.String(200), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "sync_acked",
        sa.Column("entity", sa.String(40), primary_key=True),
        sa.Column("entity_id", sa.String(36), primary_key=True),
        sa.Column("seq", sa.Integer(), nullable=False),
    )
    op.create_table(
        "sync_held",
        sa.Column("entity", sa.String(40), primary_key=True),
        sa.Column("entity_id", sa.String(36), primary_key=True),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("change", sa.JSON(), nullable=False),
        sa.Column("reason", sa.String(20), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("strict")
    op.drop_table("sync_held")
    op.drop_table("sync_acked")
    op.drop_table("sync_rejected")
