"""drop the single-column indexes on ``deleted`` (they mislead SQLite's planner into scanning
them instead of the date indexes) and gather planner statistics

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

TABLES = (
    "audit_entry",
    "conflict",
    "event",
    "organisation",
    "person",
    "affiliation",
    "consent",
    "consultation",
    "participation",
    "selfemployed_profile",
    "consultation_participant",
    "followup",
)


def upgrade() -> None:
    for table in TABLES:
        op.execute(f"DROP INDEX IF EXISTS ix_{table}_deleted")
    op.execute("ANALYZE")


def downgrade() -> None:
    for table in TABLES:
        op.execute(f"CREATE INDEX IF NOT EXISTS ix_{table}_deleted ON {table} (deleted)")
