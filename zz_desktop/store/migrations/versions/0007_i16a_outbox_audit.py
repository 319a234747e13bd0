"""audit entries travel inside their op: ``outbox.audit``; batches read by entity

``ix_outbox_entity_seq`` lets a push read its next batch entity by entity in outbox order with
index range scans (before, every batch sorted the whole outbox: an initial upload of 170,000
ops sorted it 340 times).

The audit entries of a change (their wire fields, a JSON list) ride with the change's outbox op
instead of as ops of their own (issue 16: half of an initial upload were audit ops). NULL for
ops without; existing standalone audit ops stay as they are and are still pushed.

Revision ID: 0007_i16a
Revises: 0007_s4_14
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_i16a"
down_revision = "0007_s4_14"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("audit", sa.JSON(), nullable=True))
        batch.create_index("ix_outbox_entity_seq", ["entity", "seq"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.drop_index("ix_outbox_entity_seq")
        batch.drop_column("audit")
