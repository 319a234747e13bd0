"""Wissenspool checklists ticked during a visit, and the state of an ombuds case, both kept
with the consultation

One JSON column on ``consultation`` (a list of attached checklists with their ticked items)
instead of a new synced entity: the ticks belong to the consultation, travel with it and merge
with it field by field (docs/wissenspool.md). Existing consultations start with no checklist.
``ombuds_state`` (domain/ombuds.py): existing ombuds cases start as "received".

Revision ID: 0007_s4_14
Revises: 0006_i11
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_s4_14"
down_revision = "0006_i11"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN (SQLite needs no table copy for it); the default fills existing rows.
    op.add_column(
        "consultation", sa.Column("checklists", sa.JSON(), nullable=False, server_default="[]")
    )
    op.add_column("consultation", sa.Column("ombuds_state", sa.String(length=16), nullable=True))
    op.execute("UPDATE consultation SET ombuds_state = 'received' WHERE kind = 'ombuds'")


def downgrade() -> None:
    op.drop_column("consultation", "ombuds_state")
    with op.batch_alter_table("consultation") as batch:
        batch.drop_column("checklists")
