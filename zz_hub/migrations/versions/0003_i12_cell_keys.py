"""cell-key record keys on the aggregate projections (issue 12)

Every live consultation gets a random record key in [0, 2**32) (zz_protocol.cellkey), copied into
its topic and gender rows like its dimensions, so that a cell's key is one SUM next to the
GROUP BY. Existing consultations draw their keys here, once; the projection code keeps a key
while its consultation lives.

Revision ID: 0003_i12_cell_keys
Revises: 0003_i9
Create Date: 2026-12-01 22:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_i12_cell_keys"
down_revision = "0003_i9"
branch_labels = None
depends_on = None

TABLES = ("agg_consultation", "agg_consultation_topic", "agg_consultation_gender")
KEY = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("record_key", KEY, nullable=True))
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "UPDATE agg_consultation SET record_key = floor(random() * 4294967296)::bigint"
        )
    else:
        op.execute("UPDATE agg_consultation SET record_key = abs(random()) % 4294967296")
    for table in TABLES[1:]:
        op.execute(
            f"UPDATE {table} SET record_key = a.record_key FROM agg_consultation a"
            f" WHERE a.centre_id = {table}.centre_id AND a.consultation_id = {table}.consultation_id"
        )
        op.execute(f"UPDATE {table} SET record_key = 0 WHERE record_key IS NULL")
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.alter_column("record_key", existing_type=KEY, nullable=False)


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("record_key")
