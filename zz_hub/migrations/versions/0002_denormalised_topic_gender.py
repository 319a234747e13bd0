"""consultation dimensions copied into the topic and gender projections

Counts by topic or gender joined a million agg_consultation rows on 36-character text keys; with
the consultation's dimensions in agg_consultation_topic and agg_consultation_gender they read one
table. Existing rows are filled from agg_consultation; gender rows of consultations that are not
live (a participant stored before its consultation) are dropped — they never counted, and they are
made again when the consultation arrives.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 11:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

TABLES = ("agg_consultation_topic", "agg_consultation_gender")
#: (name, type, nullable) — the same columns as in agg_consultation.
DIMS = (
    ("date", sa.Date(), True),
    ("quarter", sa.String(length=7), False),
    ("land", sa.String(length=2), False),
    ("mode", sa.String(length=12), False),
    ("kind", sa.String(length=12), False),
    ("sector_section", sa.String(length=2), False),
    ("sme_class", sa.String(length=10), False),
)


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            for name, type_, _nullable in DIMS:
                batch_op.add_column(sa.Column(name, type_, nullable=True))
    op.execute(
        "DELETE FROM agg_consultation_gender WHERE NOT EXISTS (SELECT 1 FROM agg_consultation a"
        " WHERE a.centre_id = agg_consultation_gender.centre_id"
        " AND a.consultation_id = agg_consultation_gender.consultation_id)"
    )
    columns = ", ".join(f"{name} = a.{name}" for name, _t, _n in DIMS)
    for table in TABLES:
        op.execute(
            f"UPDATE {table} SET {columns} FROM agg_consultation a"
            f" WHERE a.centre_id = {table}.centre_id AND a.consultation_id = {table}.consultation_id"
        )
        # Topic rows always belong to a live consultation; anything else has no dimensions.
        op.execute(f"DELETE FROM {table} WHERE quarter IS NULL")
        with op.batch_alter_table(table, schema=None) as batch_op:
            for name, type_, nullable in DIMS:
                if not nullable:
                    batch_op.alter_column(name, existing_type=type_, nullable=False)


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            for name, _type, _nullable in DIMS:
                batch_op.drop_column(name)
