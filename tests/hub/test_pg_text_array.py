"""``tenancy.pg_text_array``: the text form PostgreSQL reads back as exactly the given strings
(quotes, backslashes, commas, braces, blanks, ``NULL`` and non-ASCII included)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import String, cast, create_engine, literal, select
from sqlalchemy.dialects.postgresql import ARRAY

from zz_hub.tenancy import pg_text_array
from zz_hub.testing import pg_available, temporary_pg_database

pytestmark = pytest.mark.postgres

TEXTS = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=12
)


@pytest.fixture(scope="module")
def engine():  # type: ignore[no-untyped-def]
    if not pg_available():
        pytest.skip("PostgreSQL is not reachable")
    with temporary_pg_database() as url:
        engine = create_engine(url)
        yield engine
        engine.dispose()


@settings(max_examples=150, deadline=None)
@given(values=st.lists(TEXTS, max_size=6) | st.just(["NULL", "", " a ", "{x}", 'q"\\', "ä,ö"]))
def test_postgres_reads_back_the_same_strings(engine, values: list[str]) -> None:  # type: ignore[no-untyped-def]
    with engine.connect() as conn:
        back = conn.execute(
            select(cast(literal(pg_text_array(values), String), ARRAY(String)))
        ).scalar_one()
    assert back == values
