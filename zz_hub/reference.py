"""Reference data the hub owns: centres, users, topic taxonomy, code list versions."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from zz_hub import codelists
from zz_hub.config import HubSettings
from zz_hub.models import Centre, HubUser
from zz_hub.security import server_now
from zz_hub.tenancy import Caller
from zz_protocol.schemas import CentreInfo, ReferenceResponse, UserInfo


def centre_info(centre: Centre, settings: HubSettings) -> CentreInfo:
    return CentreInfo(
        id=centre.id,
        code=centre.code,
        name=centre.name,
        state=centre.state,
        kind=centre.kind,  # type: ignore[arg-type]
        coordination_name=settings.coordination_name,
        address=centre.address,
        logo_png_base64=centre.logo_png_base64,
    )


def user_info(user: HubUser) -> UserInfo:
    return UserInfo(
        id=user.id,
        username=user.username,
        display_name=user.display_name,
        role=user.role,  # type: ignore[arg-type]
        centre_id=user.centre_id,
        partner_institution=user.partner_institution,
    )


def reference_for(session: Session, settings: HubSettings, caller: Caller) -> ReferenceResponse:
    """Coordinators (and hub admins) see every centre; everyone else only their own."""
    # The reserved programme centre (tenancy.PROGRAMME) is no centre anyone works at.
    query = select(Centre).where(Centre.kind != "programme").order_by(Centre.code)
    if caller.role not in ("coordinator", "admin"):
        query = query.where(Centre.id == caller.centre_id)
    centres = session.scalars(query).all()
    users = (
        session.scalars(
            select(HubUser)
            .where(HubUser.centre_id == caller.centre_id, HubUser.active.is_(True))
            .order_by(HubUser.username)
        ).all()
        if caller.centre_id
        else []
    )
    return ReferenceResponse(
        centres=[centre_info(c, settings) for c in centres],
        users=[user_info(u) for u in users],
        topics=list(codelists.topics()),
        topic_version=codelists.topic_version(),
        codelist_versions=codelists.versions(),
        server_time=server_now(),
    )
