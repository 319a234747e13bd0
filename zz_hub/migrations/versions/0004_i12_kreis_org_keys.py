"""Kreis and organisation record keys on the aggregate projections (issue 12, SME reach)

The coordination dashboard counts distinct organisations ("SMEs reached") per Land and per Kreis.
Every projection row gets the organisation's Kreis (from its AGS), its id (the topic and gender
rows too, so that they count organisations without a join) and the organisation's random record
key (the same in all its consultations), drawn here once per organisation; and the month plus
the flags "first row of its organisation in its month / quarter / year" (zz_hub.reach), so that
SMEs reached are a filtered count.

Revision ID: 0004_i12
Revises: 0004_i16
Create Date: 2026-12-02 01:10:00
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = "0004_i12"
down_revision = "0004_i16"
branch_labels = None
depends_on = None

TABLES = ("agg_consultation", "agg_consultation_topic", "agg_consultation_gender")
KEY = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
FLAGS = ("first_month", "first_quarter", "first_year")


def upgrade() -> None:
    from zz_hub import codelists

    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column("kreis", sa.String(5), nullable=False, server_default="?"))
            batch_op.add_column(sa.Column("org_key", KEY, nullable=False, server_default="0"))
            if table != "agg_consultation":
                batch_op.add_column(sa.Column("organisation_id", sa.String(36), nullable=True))
            batch_op.add_column(sa.Column("month", sa.String(7), nullable=False, server_default="?"))
            for flag in FLAGS:
                batch_op.add_column(
                    sa.Column(flag, sa.Boolean(), nullable=False, server_default=sa.false())
                )
    bind = op.get_bind()
    month = (
        "to_char(date, 'YYYY-MM')" if bind.dialect.name == "postgresql" else "strftime('%Y-%m', date)"
    )
    for table in TABLES:
        op.execute(f"UPDATE {table} SET month = {month} WHERE date IS NOT NULL")
    random_key = (
        "floor(random() * 4294967296)::bigint"
        if bind.dialect.name == "postgresql"
        else "abs(random()) % 4294967296"
    )
    # One random key per organisation (a temporary table: random() once per organisation).
    op.execute(
        "CREATE TEMPORARY TABLE tmp_org_key AS SELECT centre_id, organisation_id,"
        f" {random_key} AS org_key FROM (SELECT DISTINCT centre_id, organisation_id"
        " FROM agg_consultation WHERE organisation_id IS NOT NULL) o"
    )
    op.execute(
        "UPDATE agg_consultation SET org_key = k.org_key FROM tmp_org_key k"
        " WHERE k.centre_id = agg_consultation.centre_id"
        " AND k.organisation_id = agg_consultation.organisation_id"
    )
    op.execute("DROP TABLE tmp_org_key")
    organisations = bind.execute(
        sa.text("SELECT centre_id, entity_id, fields FROM sync_row WHERE entity = 'organisation'")
    )
    for centre_id, org_id, fields in organisations:
        values = json.loads(fields) if isinstance(fields, str) else (fields or {})
        kreis = codelists.kreis_of_ags(values.get("ags"))
        if kreis is not None:
            bind.execute(
                sa.text(
                    "UPDATE agg_consultation SET kreis = :kreis"
                    " WHERE centre_id = :centre AND organisation_id = :org"
                ),
                {"kreis": kreis, "centre": centre_id, "org": org_id},
            )
    for table in TABLES[1:]:
        op.execute(
            f"UPDATE {table} SET kreis = a.kreis, org_key = a.org_key,"
            " organisation_id = a.organisation_id FROM agg_consultation a"
            f" WHERE a.centre_id = {table}.centre_id AND a.consultation_id = {table}.consultation_id"
        )
    from sqlalchemy.orm import Session

    from zz_hub import reach

    reach.recompute(Session(bind=bind))  # every organisation's first rows per period


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("kreis")
            batch_op.drop_column("org_key")
            if table != "agg_consultation":
                batch_op.drop_column("organisation_id")
            batch_op.drop_column("month")
            for flag in FLAGS:
                batch_op.drop_column(flag)
