"""full-text search index (FTS5) and its id map; built from the rows already present

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

from alembic import op
from sqlalchemy.orm import Session

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from zz_desktop.store import search

    op.execute(search.FTS_DDL)
    op.execute(search.DOC_DDL)
    # Index what an older profile already holds.
    with Session(bind=op.get_bind()) as session:
        search.rebuild(session)


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS search_index")
    op.execute("DROP TABLE IF EXISTS search_doc")
