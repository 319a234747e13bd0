"""programme-wide rows and referral aggregates

Programme-wide synced rows (partner offers of the whole programme) are stored in ``sync_row``
under a reserved centre, id ``programme`` and kind ``programme`` (zz_hub/tenancy.py), which no
account can belong to.

Revision ID: 0004_i14
Revises: 0003_i15_device_client_version
Create Date: 2026-12-02 01:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_i14"
down_revision = "0003_i15_device_client_version"
branch_labels = None
depends_on = None

_centre = sa.table(
    "centre",
    sa.column("id", sa.String),
    sa.column("code", sa.String),
    sa.column("name", sa.String),
    sa.column("state", sa.String),
    sa.column("kind", sa.String),
)


def upgrade() -> None:
    op.bulk_insert(
        _centre,
        [
            {
                "id": "programme",
                "code": "_PROGRAMME",
                "name": "Programme-wide",
                "state": "DE",
                "kind": "programme",
            }
        ],
    )


def downgrade() -> None:
    op.execute(sa.text("DELETE FROM sync_row WHERE centre_id = 'programme'"))
    op.execute(sa.text("DELETE FROM centre WHERE id = 'programme'"))
