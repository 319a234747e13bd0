"""Realistic, reproducible demo data for a profile (``zz-desktop demo``, benchmarks,
screenshots): :func:`generate_demo` and the stages after the contacts — consultations planned per
organisation and solo person, with participants, texts and follow-ups, and events with their
participations.

Everything is derived from ``seed`` and ``reference_date`` — never from the clock — so two runs
with the same arguments into two fresh profiles write identical synced rows, ids included.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from zz_desktop.domain.questionnaire import age_at_entry, is_complete
from zz_desktop.services.demo.base import ConsultationPlan, OrgPlan, SoloPlan, round15, weighted
from zz_desktop.services.demo.contacts import DemoContacts
from zz_desktop.services.demo.data import (
    EVENT_TITLES,
    EVENT_TYPE_WEIGHTS,
    FOLLOWUP_TEXTS,
    REFERRALS,
)
from zz_desktop.services.demo.phrases import (
    AGREEMENTS,
    AGREEMENTS_SOLO,
    FINDINGS_GENERIC,
    KIND_TITLES,
    MODE_PLACES,
    RECOMMENDATIONS_GENERIC,
    SITUATION_GENERIC,
    TOOLS,
    TOPIC_TEXT,
)
from zz_desktop.services.demo.writer import DemoSummary, DemoWriter, Progress, ms, new_row
from zz_desktop.store.database import Store
from zz_desktop.store.ids import uuid7
from zz_desktop.store.models import (
    Consultation,
    ConsultationParticipant,
    Event,
    FollowUp,
    Participation,
    Questionnaire,
)


class _Demo(DemoContacts):
    """Consultations (planned per organisation and solo person) and events."""

    # -- consultations ----------------------------------------------------------------------

    def plan(self, orgs: list[OrgPlan], solos: list[SoloPlan]) -> list[ConsultationPlan]:
        rng = self.rng
        n = self.n_consultations
        plans: list[ConsultationPlan] = []
        solo_share = {"regional": 0.05, "self_employed": 0.7, "coordination": 0.1}.get(
            self.centre_kind, 0.05
        )
        n_solo = min(n, round(n * solo_share)) if solos else 0
        if not orgs:
            n_solo = n if solos else 0
        # In-depth series adding up to near (sometimes over) the 80-hour cap.
        n_series = min(len(orgs) // 30, (n - n_solo) // 40)
        for org in rng.sample(orgs, n_series) if n_series > 0 else []:
            plans.extend(self.series(org))
        n_orgs_left = max(0, n - n_solo - len(plans))
        if orgs:
            # A few organisations come back often, most once or twice (heavy-tailed weights).
            cum = list(_cumulative(min(12.0, rng.paretovariate(1.6)) for _ in orgs))
            in_depth: dict[str, int] = {}
            for p in plans:
                in_depth[p.org.id if p.org else ""] = 10**6  # series organisations are full
            for _ in range(n_orgs_left):
                org = orgs[bisect.bisect(cum, rng.random() * cum[-1])]
                kind = weighted(rng, {"signposting": 45, "in_depth": 25, "follow_up": 30})
                minutes = self.duration(kind)
                if kind == "in_depth":
                    # Outside the planned series an organisation stays well below the cap.
                    if in_depth.get(org.id, 0) + minutes > 50 * 60:
                        kind, minutes = "follow_up", self.duration("follow_up")
                    else:
                        in_depth[org.id] = in_depth.get(org.id, 0) + minutes
                day = self.workday_between(org.first_contact, self.last_day)
                plans.append(ConsultationPlan(day, kind, minutes, org=org))
        for _ in range(n - len(plans)):
            solo = rng.choice(solos)
            kind = weighted(rng, {"signposting": 50, "in_depth": 20, "follow_up": 18, "ombuds": 12})
            day = self.workday_between(solo.first_contact, self.last_day)
            plans.append(ConsultationPlan(day, kind, self.duration(kind), solo=solo))
        plans.sort(key=lambda p: p.day)
        return plans[:n]

    def series(self, org: OrgPlan) -> list[ConsultationPlan]:
        rng = self.rng
        target = rng.uniform(80.25, 86.0) if rng.random() < 0.15 else rng.uniform(60.0, 79.5)
        target_min = round15(target * 60)
        minutes: list[int] = []
        while sum(minutes) < target_min:
            minutes.append(rng.choice((240, 300, 360, 420, 480)))
        minutes[-1] = max(60, minutes[-1] - (sum(minutes) - target_min))
        days = sorted(self.workday_between(org.first_contact, self.last_day) for _ in minutes)
        return [
            ConsultationPlan(day, "in_depth", m, org=org, series_no=i + 1)
            for i, (day, m) in enumerate(zip(days, minutes, strict=True))
        ]

    def duration(self, kind: str) -> int:
        rng = self.rng
        if kind == "signposting":
            return round15(rng.triangular(30, 120, 60))
        if kind == "in_depth":
            return round15(rng.triangular(120, 480, 240))
        if kind == "ombuds":
            return round15(rng.triangular(45, 150, 90))
        return round15(rng.triangular(30, 120, 60))

    def consultations(self, w: DemoWriter, plans: list[ConsultationPlan]) -> None:
        w.start("consultations", len(plans))
        for plan in plans:
            self.consultation(w, plan)
            w.step()
        w.finish()

    def consultation(self, w: DemoWriter, plan: ConsultationPlan) -> None:
        rng = self.rng
        advisors = self.advisor_pair()
        by = advisors[0]
        solo = plan.solo
        org = plan.org
        if plan.series_no:  # long in-depth sessions happen in the company or by video
            modes = {"on_site": 60, "at_centre": 15, "video": 25}
        elif org:
            modes = {"on_site": 40, "at_centre": 18, "phone": 17, "video": 25}
        else:
            modes = {"on_site": 5, "at_centre": 35, "phone": 25, "video": 35}
        mode = weighted(rng, modes)
        if mode == "phone":
            plan.minutes = min(plan.minutes, 90)
        start = dt.time(
            rng.choice((8, 9, 9, 10, 10, 11, 13, 13, 14, 15)), rng.choice((0, 0, 15, 30, 45))
        )
        begin = dt.datetime.combine(plan.day, start)
        created = min(
            begin + dt.timedelta(minutes=plan.minutes, seconds=rng.randint(600, 30 * 3600)),
            self.now,
        )
        recent = (self.today - plan.day).days <= 21
        status = weighted(
            rng,
            {"draft": 40, "final": 55, "signed": 5}
            if recent
            else {"draft": 3, "final": 85, "signed": 12},
        )
        updated = created
        if status != "draft":
            updated = min(created + dt.timedelta(seconds=rng.randint(0, 4 * 86400)), self.now)
        if org is not None:
            topics = self.topics(self.zz_topics, rng.choice((1, 1, 2, 2, 3)))
        else:
            assert solo is not None
            first = (
                "ombuds_case"
                if plan.kind == "ombuds"
                else rng.choice([t for t in self.se_topics if t != "ombuds_case"])
            )
            topics = [
                first,
                *self.topics(
                    [t for t in self.se_topics if t not in (first, "ombuds_case")],
                    rng.choice((0, 1, 1, 2)),
                ),
            ]
            if rng.random() < 0.15:
                topics.append(
                    rng.choice(("qualification_training", "ai_at_work", "funding_programmes"))
                )
        label = self.topic_labels[topics[0]]
        if topics[0] == "ombuds_case":
            label = rng.choice(
                (
                    "Honorar nicht gezahlt",
                    "Vertragsänderung durch Auftraggeber",
                    "Kontosperrung auf Plattform",
                )
            )
        title = f"{rng.choice(KIND_TITLES[plan.kind])}: {label}"
        if plan.series_no:
            title += f" (Termin {plan.series_no})"
        values = {
            "company": org.name if org else "",
            "city": org.city if org else solo.city if solo else "",
            "employees": org.employees if org and org.employees else "einigen",
            "sector": org.sector if org else "",
            "tool": rng.choice(TOOLS),
            "weeks": rng.choice(("zwei", "drei", "vier")),
            "count": rng.choice(("drei", "vier", "fünf")),
            "occupation": solo.occupation if solo else "",
            "client": solo.client if solo else "",
        }
        referral = rng.choice(REFERRALS) if rng.random() < 0.08 else None
        next_appointment = None
        if plan.kind in ("in_depth", "follow_up", "signposting") and rng.random() < 0.35:
            next_appointment = plan.day + dt.timedelta(days=rng.randint(14, 60))
        c = new_row(
            Consultation,
            id=self.new_id(created),
            date=plan.day,
            start_time=start.strftime("%H:%M"),
            duration_min=plan.minutes,
            mode=mode,
            kind=plan.kind,
            title=title,
            place=(
                f"{org.city}, im Betrieb"
                if mode == "on_site" and org
                else "Zukunftszentrum, Beratungsraum"
                if mode == "at_centre"
                else MODE_PLACES.get(mode, solo.city if solo else "")
            ),
            organisation_id=org.id if org else None,
            person_id=solo.id if solo else None,
            advisor_ids=advisors,
            topics=topics,
            starting_situation=self.text(topics, 0, SITUATION_GENERIC if org else (), values, 2, 4),
            findings=self.text(topics, 1, FINDINGS_GENERIC if org else (), values, 2, 4),
            agreements=" ".join(
                rng.sample(AGREEMENTS if org else AGREEMENTS_SOLO, rng.randint(1, 3))
            ).format_map(values),
            recommendations=self.text(topics, 2, RECOMMENDATIONS_GENERIC, values, 1, 3),
            referral_to=referral[0] if referral else None,
            referral_reason=referral[1] if referral else None,
            next_appointment=next_appointment,
            status=status,
            esf_counting="entity" if org else "participant",
        )
        w.add(self.stamp(c, created, by, updated))
        self.summary.consultations += 1
        people = [solo.id] if solo else self.participants(org)
        for i, pid in enumerate(people):
            part = new_row(
                ConsultationParticipant,
                id=self.new_id(created),
                consultation_id=c.id,
                person_id=pid,
            )
            w.add(self.stamp(part, min(created + dt.timedelta(seconds=i + 1), self.now), by))
            self.summary.participants += 1
        if solo and c.esf_counting == "participant" and plan.day <= self.last_day:
            self.questionnaire(w, solo.id, plan.day, by, {"complete": 88, "incomplete": 7})
        self.followups(w, c, plan, by, created)

    def participants(self, org: OrgPlan | None) -> list[str]:
        if org is None or not org.person_ids:
            return []
        k = self.rng.choices((0, 1, 2, 3), weights=(10, 55, 30, 5))[0]
        return self.rng.sample(org.person_ids, min(k, len(org.person_ids)))

    def topics(self, pool: Sequence[str], k: int) -> list[str]:
        return self.rng.sample(list(pool), min(k, len(pool)))

    def text(
        self,
        topics: list[str],
        part: int,
        generic: Sequence[str],
        values: dict[str, Any],
        lo: int,
        hi: int,
    ) -> str:
        rng = self.rng
        sentences: list[str] = []
        for code in topics:
            bank = TOPIC_TEXT.get(code)
            if bank:
                sentences.extend(rng.sample(bank[part], rng.randint(1, len(bank[part]))))
        want = rng.randint(lo, hi)
        if generic and len(sentences) < want:
            sentences[:0] = rng.sample(list(generic), min(len(generic), want - len(sentences)))
        return " ".join(sentences[: max(want, 1) + 1]).format_map(values)

    def followups(
        self, w: DemoWriter, c: Consultation, plan: ConsultationPlan, by: str, created: dt.datetime
    ) -> None:
        rng = self.rng
        recent = (self.today - plan.day).days <= 21
        if recent and rng.random() < 0.5:
            # What the start page shows: overdue, due today, due this week.
            due = self.today + dt.timedelta(days=rng.choice((-6, -4, -2, -1, 0, 0, 1, 2, 3, 5)))
        elif c.next_appointment is not None or rng.random() < 0.15:
            due = plan.day + dt.timedelta(days=rng.randint(7, 42))
        else:
            return
        due = max(due, plan.day + dt.timedelta(days=1))
        done_at = None
        if due < self.today and not recent and rng.random() < 0.88:
            done_day = max(plan.day, due - dt.timedelta(days=rng.randint(0, 6)))
            done_at = min(self.moment(done_day), self.now)
        f = new_row(
            FollowUp,
            id=self.new_id(created),
            consultation_id=c.id,
            organisation_id=plan.org.id if plan.org else None,
            text=rng.choice(FOLLOWUP_TEXTS),
            owner_id=by,
            due_date=due,
            done_at=done_at,
        )
        w.add(self.stamp(f, min(created + dt.timedelta(seconds=30), self.now), by, done_at))
        self.summary.followups += 1

    # -- events ---------------------------------------------------------------------------

    def events(self, w: DemoWriter, people: list[tuple[dt.date, str]], n_events: int) -> None:
        rng = self.rng
        w.start("events", n_events)
        people.sort()
        known_since = [d for d, _ in people]
        days = sorted(
            self.workday_between(
                self.start + dt.timedelta(days=30), self.today + dt.timedelta(days=45)
            )
            for _ in range(n_events)
        )
        for day in days:
            kind = weighted(rng, EVENT_TYPE_WEIGHTS)
            title = rng.choice(EVENT_TITLES[kind])
            by = self.advisor()
            created = min(self.moment(day - dt.timedelta(days=rng.randint(14, 60))), self.now)
            online = rng.random() < 0.3
            multi = kind == "qualification"
            hours = float(rng.choice((16, 20, 24)) if multi else rng.choice((2, 3, 4, 6, 8)))
            solo_event = "Selbstständige" in title or self.centre_kind == "self_employed"
            topics = self.topics(
                self.se_topics if solo_event else self.zz_topics, rng.randint(1, 2)
            )
            e = new_row(
                Event,
                id=self.new_id(created),
                title=title,
                type=kind,
                start_date=day,
                end_date=day + dt.timedelta(days=rng.choice((1, 2, 7))) if multi else day,
                place="Online (BigBlueButton)"
                if online
                else f"{self.place().city}, {rng.choice(('Technologiezentrum', 'Handwerkskammer, Bildungszentrum', 'Hochschule, Hörsaal 2', 'Zukunftszentrum, Seminarraum'))}",
                online=online,
                hours=hours,
                topics=topics,
                advisor_ids=self.advisor_pair(),
                description=rng.choice(
                    (
                        "Praxisnahe Veranstaltung mit Beispielen aus Betrieben der Region.",
                        "Kostenfreies Angebot für Beschäftigte und Führungskräfte aus KMU.",
                        "Mit Austausch in Kleingruppen und Arbeitsmaterialien zum Mitnehmen.",
                    )
                ),
            )
            w.add(self.stamp(e, created, by))
            self.summary.events += 1
            eligible = bisect.bisect(known_since, day)
            if eligible:
                chosen = rng.sample(range(eligible), min(eligible, rng.randint(4, 18)))
                for j, idx in enumerate(sorted(chosen)):
                    self.participation(w, e, people[idx][1], day, hours, by, j)
            w.step()
        w.finish()

    def participation(
        self, w: DemoWriter, e: Event, person_id: str, day: dt.date, hours: float, by: str, j: int
    ) -> None:
        rng = self.rng
        past = day < self.today
        created = min(self.moment(day - dt.timedelta(days=rng.randint(1, 14))), self.now)
        created += dt.timedelta(seconds=j)
        created = min(created, self.now)
        p = new_row(
            Participation,
            id=self.new_id(created),
            event_id=e.id,
            person_id=person_id,
            attended_hours=(hours if rng.random() < 0.85 else float(max(1, int(hours) // 2)))
            if past
            else None,
            entry_questionnaire=weighted(rng, {"complete": 84, "incomplete": 9, "missing": 7}),
            exit_questionnaire=(
                weighted(rng, {"complete": 65, "incomplete": 10, "missing": 25})
                if past
                else "missing"
            ),
        )
        updated = min(dt.datetime.combine(day, dt.time(18, 0)), self.now) if past else None
        w.add(self.stamp(p, created, by, max(updated, created) if updated else None))
        self.summary.participations += 1
        if past and p.entry_questionnaire != "missing":
            weights = {p.entry_questionnaire: 100.0}
            self.questionnaire(w, person_id, day, by, weights, participation_id=p.id)

    def questionnaire(
        self,
        w: DemoWriter,
        person_id: str,
        day: dt.date,
        by: str,
        weights: dict[str, float],
        participation_id: str | None = None,
    ) -> None:
        """The person's Teil 1 at their first event or participant consultation (demo data: the
        answers are the person's invented ones; "incomplete" leaves the education out)."""
        if person_id in self.with_part1 or person_id not in self.entry_answers:
            return
        rng = self.q_rng
        kind = weighted(rng, weights | {"none": max(0.0, 100 - sum(weights.values()))})
        if kind == "none":
            return
        self.with_part1.add(person_id)
        answers = dict(self.entry_answers[person_id])
        if kind == "incomplete":
            answers["education"] = None
        created = min(dt.datetime.combine(day, dt.time(12, 0)), self.now)
        qid = uuid7(ms(created), self.q_id_rng)
        q = new_row(
            Questionnaire,
            id=qid,
            person_id=person_id,
            part="entry",
            series_id=qid,
            version=1,
            answered_on=day,
            complete=is_complete("entry", answers),
            participation_id=participation_id,
            age_at_entry=age_at_entry(answers.get("birth_year"), day),
            **answers,
        )
        w.add(self.stamp(q, created, by))
        self.summary.questionnaires += 1


def _cumulative(values: Iterable[float]) -> Iterable[float]:
    total = 0.0
    for v in values:
        total += v
        yield total


def generate_demo(
    store: Store,
    *,
    consultations: int = 5000,
    seed: int = 1,
    progress: Progress | None = None,
    centre_kind: str = "regional",
    reference_date: dt.date = dt.date(2026, 11, 1),
) -> DemoSummary:
    """Fill ``store`` with ``consultations`` consultations and everything around them.

    About one organisation per five consultations (≈1.5 persons each), solo self-employed people,
    follow-ups, events with participations and consents. ``reference_date`` is "today" for the
    data (dates end a few days before it; follow-ups fall due around it). If the profile has an
    identity (``identity.centre_id``/``identity.user_id``, e.g. after a hub login) its centre and
    users are used; otherwise a demo centre of ``centre_kind`` with advisors is created.
    """
    if consultations < 0:
        raise ValueError("consultations must not be negative")
    from zz_desktop.domain import roles
    from zz_desktop.services import permissions

    permissions.require(store, roles.EDIT_RECORDS)
    demo = _Demo(store, consultations, seed, progress, centre_kind, reference_date)
    demo.identity()
    writer = DemoWriter(store, demo.actor, demo.id_rng, demo.summary, progress)
    n_orgs = max(3, consultations // 5)
    solo_per = {"regional": 60, "self_employed": 4, "coordination": 30}.get(centre_kind, 60)
    n_solo = max(2, consultations // solo_per)
    orgs, solos = demo.contacts(writer, n_orgs, n_solo)
    plans = demo.plan(orgs, solos)
    demo.consultations(writer, plans)
    people = [(o.first_contact, pid) for o in orgs for pid in o.person_ids]
    people += [(s.first_contact, s.id) for s in solos]
    demo.events(writer, people, max(2, consultations // 50))
    return demo.summary
