"""search index on folded text (ß/ss, umlauts, diacritics): the index gets the folded copies
``ftitle``/``fbody`` next to the text as written and is rebuilt from the rows

Revision ID: 0005_i10b_search_fold
Revises: 0005_i9
Create Date: 2026-12-01
"""

from alembic import op
from sqlalchemy.orm import Session

revision = "0005_i10b_search_fold"
down_revision = "0005_i9"
branch_labels = None
depends_on = None

#: The index of 0002, for the way back.
_OLD_DDL = (
    "CREATE VIRTUAL TABLE search_index USING fts5("
    "entity UNINDEXED, entity_id UNINDEXED, title, body, "
    "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"
)


def upgrade() -> None:
    from zz_desktop.store import search

    # FTS5 tables cannot be altered: drop and rebuild (search_doc ids are reassigned).
    op.execute("DROP TABLE IF EXISTS search_index")
    op.execute(search.FTS_DDL)
    with Session(bind=op.get_bind()) as session:
        search.rebuild(session)


def downgrade() -> None:
    op.execute(_OLD_DDL.replace("search_index", "search_index_old"))
    op.execute(
        "INSERT INTO search_index_old (rowid, entity, entity_id, title, body) "
        "SELECT rowid, entity, entity_id, title, body FROM search_index"
    )
    op.execute("DROP TABLE search_index")
    op.execute("ALTER TABLE search_index_old RENAME TO search_index")
