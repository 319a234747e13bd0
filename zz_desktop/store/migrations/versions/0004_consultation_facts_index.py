"""covering index over the consultation columns that reports and lists aggregate, so that a
year's activity report reads the index instead of every (long, encrypted) row

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

COLUMNS = [
    "date",
    "deleted",
    "kind",
    "mode",
    "duration_min",
    "organisation_id",
    "person_id",
    "esf_counting",
    "topics",
    "advisor_ids",
    "id",
]


def upgrade() -> None:
    op.execute(
        f"CREATE INDEX IF NOT EXISTS ix_consultation_facts ON consultation ({', '.join(COLUMNS)})"
    )


def downgrade() -> None:
    op.drop_index("ix_consultation_facts", table_name="consultation")
