"""The demo generator's ground: its state (seeded random streams, reference date, actor,
summary), the helpers every stage uses (ids, working-hours times, advisors, places, weighted
choices) and the centre with its users, created or reused."""

from __future__ import annotations

import datetime as dt
import random
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from faker import Faker
from sqlalchemy import select

from zz_desktop.domain import codelists
from zz_desktop.services.demo.data import (
    CENTRES,
    Place,
    places,
)
from zz_desktop.services.demo.writer import DemoSummary, Progress, ms
from zz_desktop.store.capture import Actor
from zz_desktop.store.database import Store
from zz_desktop.store.ids import uuid7
from zz_desktop.store.models import (
    AppUser,
    Centre,
    Topic,
)

T = TypeVar("T")


def ascii_lower(text: str) -> str:
    """Lower-case ASCII for e-mail addresses and domains ("Müller-Lüdenscheidt" → "mueller-...")."""
    text = text.lower()
    for src, dst in (
        ("ä", "ae"),
        ("ö", "oe"),
        ("ü", "ue"),
        ("ß", "ss"),
        ("ı", "i"),
        ("ł", "l"),
        ("đ", "d"),
    ):
        text = text.replace(src, dst)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(c if c.isalnum() else "-" for c in text).strip("-").replace("--", "-")


def weighted(rng: random.Random, table: Mapping[str, float]) -> str:
    return rng.choices(list(table), weights=list(table.values()))[0]


def round15(minutes: float) -> int:
    return max(15, int(round(minutes / 15.0)) * 15)


@dataclass
class OrgPlan:
    id: str
    name: str
    city: str
    employees: int | None
    sector: str
    first_contact: dt.date
    works_council: bool
    person_ids: list[str] = field(default_factory=list)


@dataclass
class SoloPlan:
    id: str
    occupation: str
    city: str
    first_contact: dt.date
    #: How the notes refer to the person ("Die Ratsuchende", "Der Ratsuchende", …).
    client: str


@dataclass
class ConsultationPlan:
    """One consultation to be written: who, when, what kind, how long."""

    day: dt.date
    kind: str
    minutes: int
    org: OrgPlan | None = None
    solo: SoloPlan | None = None
    series_no: int = 0


class DemoBase:
    """The generator's state (seeded random streams, reference date, actor, summary) and what
    every stage needs: ids, times, advisors, places; and the centre with its users."""

    def __init__(
        self,
        store: Store,
        consultations: int,
        seed: int,
        progress: Progress | None,
        centre_kind: str,
        reference_date: dt.date,
    ) -> None:
        self.store = store
        self.n_consultations = consultations
        self.rng = random.Random(seed)
        # Ids come from their own stream so that the data and the ids stay stable independently.
        self.id_rng = random.Random(f"zz-demo-ids-{seed}")
        # ESF questionnaires draw from streams of their own, so adding them left the rest as it was.
        self.q_rng = random.Random(f"zz-demo-questionnaires-{seed}")
        self.q_id_rng = random.Random(f"zz-demo-questionnaire-ids-{seed}")
        self.entry_answers: dict[str, dict[str, Any]] = {}
        self.with_part1: set[str] = set()
        self.fake = Faker("de_DE")
        self.fake.seed_instance(seed)
        self.centre_kind = centre_kind
        self.today = reference_date
        self.now = dt.datetime.combine(reference_date, dt.time(7, 30))
        self.start = reference_date - dt.timedelta(days=3 * 365)
        self.last_day = reference_date - dt.timedelta(days=3)
        self.progress = progress
        self.summary = DemoSummary()
        self.advisors: list[str] = []
        self.advisor_weights: list[float] = []
        self.home_land = "15"
        self.actor = Actor(None, None)
        self.zz_topics = [t.code for t in codelists.topics("zukunftszentrum")]
        self.se_topics = [t.code for t in codelists.topics("selfemployed")]
        self.topic_labels = {t.code: t.label_de for t in codelists.topics()}

    # -- basics ---------------------------------------------------------------------------

    def new_id(self, ts: dt.datetime) -> str:
        return uuid7(ms(ts), self.id_rng)

    def moment(self, day: dt.date, earliest: int = 8, latest: int = 17) -> dt.datetime:
        """A working-hours timestamp on ``day`` (whole seconds), never after the reference."""
        seconds = self.rng.randint(earliest * 3600, latest * 3600)
        return min(dt.datetime.combine(day, dt.time()) + dt.timedelta(seconds=seconds), self.now)

    def workday_between(self, first: dt.date, last: dt.date) -> dt.date:
        if last < first:
            last = first
        day = first + dt.timedelta(days=self.rng.randint(0, (last - first).days))
        # Weekends move to the Friday before (or the Monday after at the start of the range).
        if day.weekday() >= 5:
            back = day - dt.timedelta(days=day.weekday() - 4)
            day = back if back >= first else day + dt.timedelta(days=7 - day.weekday())
        return day

    def contact_day(self) -> dt.date:
        """First-contact date: spread over the window, more in later years (the programme grew)."""
        span = (self.last_day - dt.timedelta(days=7) - self.start).days
        offset = int(span * (self.rng.random() ** 0.75))
        return self.workday_between(
            self.start + dt.timedelta(days=offset), self.start + dt.timedelta(days=offset)
        )

    def advisor(self) -> str:
        return self.rng.choices(self.advisors, weights=self.advisor_weights)[0]

    def advisor_pair(self) -> list[str]:
        first = self.advisor()
        if len(self.advisors) > 1 and self.rng.random() < 0.15:
            second = self.rng.choice([a for a in self.advisors if a != first])
            return [first, second]
        return [first]

    def stamp(self, obj: T, created: dt.datetime, by: str, updated: dt.datetime | None = None) -> T:
        o: Any = obj
        o.created_at = created
        o.updated_at = updated or created
        o.created_by = by
        o.updated_by = by
        o.centre_id = self.actor.centre_id
        return obj

    def place(self) -> Place:
        return self.rng.choices(self._places, weights=self._place_weights)[0]

    # -- identity -------------------------------------------------------------------------

    def identity(self) -> None:
        centre_id = self.store.get_setting("identity.centre_id")
        user_id = self.store.get_setting("identity.user_id")
        if isinstance(centre_id, str) and isinstance(user_id, str) and centre_id and user_id:
            self._reuse_identity(centre_id, user_id)
        else:
            self._create_identity()
        self._ensure_topics()
        # Most addresses lie in the centre's own Land, the rest elsewhere in the east.
        self._places = list(places())
        self._place_weights = [
            (3.0 if p.ags.endswith("000") else 1.0) * (6.0 if p.land == self.home_land else 0.6)
            for p in self._places
        ]

    def _reuse_identity(self, centre_id: str, user_id: str) -> None:
        with self.store.read() as s:
            users = list(
                s.scalars(
                    select(AppUser)
                    .where(AppUser.centre_id == centre_id)
                    .where(AppUser.role.in_(("advisor", "manager", "coordinator")))
                    .order_by(AppUser.id)
                )
            )
            centre = s.get(Centre, centre_id)
        self.actor = Actor(user_id, centre_id)
        self.advisors = [u.id for u in users] or [user_id]
        self.advisor_weights = [0.3 if u.role != "advisor" else 1.0 for u in users] or [1.0]
        if centre is not None and centre.state in {p.land for p in places()}:
            self.home_land = centre.state

    def _create_identity(self) -> None:
        spec = CENTRES.get(self.centre_kind, CENTRES["regional"])
        founded = dt.datetime.combine(self.start - dt.timedelta(days=30), dt.time(9, 0))
        centre_id = self.new_id(founded)
        users = [
            AppUser(
                id=self.new_id(founded + dt.timedelta(minutes=i + 1)),
                username=username,
                display_name=name,
                role=role,
                centre_id=centre_id,
                partner_institution=partner,
            )
            for i, (username, name, role, partner) in enumerate(spec.users)
        ]
        with self.store.write() as s:
            s.add(
                Centre(
                    id=centre_id,
                    code=spec.code,
                    name=spec.name,
                    state=spec.state,
                    kind=self.centre_kind,
                    coordination_name="Koordinierungsstelle Zukunftszentren",
                    address=spec.address,
                )
            )
            s.add_all(users)
        user_id = users[0].id
        self.store.set_setting("identity.centre_id", centre_id)
        self.store.set_setting("identity.user_id", user_id)
        self.store.actor = self.actor = Actor(user_id, centre_id)
        self.advisors = [u.id for u in users]
        self.advisor_weights = [1.0 if u.role == "advisor" else 0.3 for u in users]
        self.home_land = spec.state if spec.state != "11" else "15"
        self.summary.centre_created = True
        self.summary.users_created = len(users)

    def _ensure_topics(self) -> None:
        """Seed the taxonomy from the code list unless the hub (or an earlier run) sent one."""
        with self.store.write() as s:
            if s.scalars(select(Topic.code).limit(1)).first() is not None:
                return
            s.add_all(
                Topic(code=t.code, group=t.group, label_de=t.label_de, label_en=t.label_en)
                for t in codelists.topics()
            )
