"""The statement a pull page is read with (``CentreScope.changes_after``), built and compiled
once per shape: a centre's own rows merged with the programme-wide rows, optionally leaving out
one device's clean rows and then also giving each part's highest number (marker rows)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    String,
    Text,
    bindparam,
    cast,
    false,
    func,
    literal,
    select,
    true,
    union_all,
)

from zz_hub.models import SyncRow
from zz_hub.precompiled import Precompiled
from zz_protocol.schemas import PROGRAMME_CENTRE_ID


def programme_rows() -> ColumnElement[bool]:
    """The programme-wide rows a centre's scope reads besides its own."""
    # Not the programme scope's conflicts: they stay with the coordinators who can resolve
    # them (the scope takes only programme entities, so that is all it holds besides).
    # A "!=" rather than "IN (entities)", so that the planner walks (centre_id, server_seq)
    # in order instead of the primary key.
    return (SyncRow.centre_id == PROGRAMME_CENTRE_ID) & (SyncRow.entity != "conflict")


#: The page statement per shape (programme scope, skipping a device), built once.
_PAGE_STATEMENTS: dict[tuple[bool, bool], Precompiled] = {}


def page_statement(programme: bool, skipping: bool) -> Precompiled:
    """The statement of :meth:`CentreScope.changes_after` for one shape, with bound parameters
    ``centre``, ``after``, ``limit`` and (when skipping) ``skip``; built and compiled once, since
    compiling it per page cost as much as running it."""
    found = _PAGE_STATEMENTS.get((programme, skipping))
    if found is not None:
        return found
    centre = bindparam("centre", type_=String)
    after = bindparam("after", type_=SyncRow.server_seq.type)
    limit = bindparam("limit", type_=Integer)
    columns = (
        SyncRow.server_seq,
        SyncRow.entity,
        SyncRow.entity_id,
        SyncRow.deleted,
        SyncRow.centre_id,
        cast(SyncRow.fields, Text).label("fields_json"),
    )
    others: ColumnElement[bool] = (
        func.coalesce(SyncRow.clean_device, "") != bindparam("skip", type_=String)
        if skipping
        else true()
    )

    def part(where: ColumnElement[bool]) -> Any:
        return (
            select(*columns)
            .where(where, SyncRow.server_seq > after, others)
            .order_by(SyncRow.server_seq)
            .limit(limit)
        )

    own = part(SyncRow.centre_id == centre)
    if programme:
        page: Any = own
    else:
        merged = union_all(
            select(own.subquery()), select(part(programme_rows()).subquery())
        ).subquery()
        page = select(merged).order_by(merged.c.server_seq).limit(limit)
    if not skipping:
        built = Precompiled(page)
    else:
        # One statement: the page, then marker rows (entity '') carrying the highest number of
        # each part (a backward walk of the (centre_id, server_seq) index each).
        def top(where: ColumnElement[bool]) -> Any:
            return select(
                func.max(SyncRow.server_seq).label("server_seq"),
                literal("").label("entity"),
                literal("").label("entity_id"),
                false().label("deleted"),
                literal("").label("centre_id"),
                literal(None, Text).label("fields_json"),
            ).where(where, SyncRow.server_seq > after)

        parts = [select(page.subquery()), top(SyncRow.centre_id == centre)]
        if not programme:
            parts.append(top(programme_rows()))
        built = Precompiled(union_all(*parts))
    _PAGE_STATEMENTS[(programme, skipping)] = built
    return built
