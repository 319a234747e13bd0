"""Enumerations of the data model (data-model.md). Values are stable wire/database codes."""

from __future__ import annotations

from enum import StrEnum


class CentreKind(StrEnum):
    REGIONAL = "regional"
    SELF_EMPLOYED = "self_employed"
    COORDINATION = "coordination"


class Role(StrEnum):
    ADVISOR = "advisor"
    MANAGER = "manager"
    COORDINATOR = "coordinator"
    ADMIN = "admin"


class Gender(StrEnum):
    FEMALE = "female"
    MALE = "male"
    NON_BINARY = "non_binary"
    NOT_STATED = "not_stated"


class EmploymentStatus(StrEnum):
    EMPLOYED = "employed"
    SELF_EMPLOYED = "self_employed"
    UNEMPLOYED = "unemployed"
    LONG_TERM_UNEMPLOYED = "long_term_unemployed"
    INACTIVE = "inactive"


class Education(StrEnum):
    """ESF education groups of ISCED 2011 levels."""

    ISCED_0_2 = "isced_0_2"
    ISCED_3_4 = "isced_3_4"
    ISCED_5_8 = "isced_5_8"


class TriState(StrEnum):
    """An optional ESF disadvantage answer: the person may decline to answer."""

    YES = "yes"
    NO = "no"
    NO_ANSWER = "no_answer"


class YesNo(StrEnum):
    """A Teil 2 answer (situation on leaving)."""

    YES = "yes"
    NO = "no"


class AffiliationRole(StrEnum):
    MANAGEMENT = "management"
    WORKS_COUNCIL = "works_council"
    EMPLOYEE = "employee"
    OTHER = "other"


class ContactSource(StrEnum):
    EVENT = "event"
    PARTNER_REFERRAL = "partner_referral"
    OWN_INITIATIVE = "own_initiative"
    OTHER = "other"


class TurnoverBand(StrEnum):
    """Annual turnover bands aligned with the EU SME thresholds (EUR)."""

    UP_TO_2M = "le_2m"
    UP_TO_10M = "le_10m"
    UP_TO_50M = "le_50m"
    ABOVE_50M = "gt_50m"


class SmeClass(StrEnum):
    MICRO = "micro"
    SMALL = "small"
    MEDIUM = "medium"
    LARGE = "large"


class ConsultationMode(StrEnum):
    ON_SITE = "on_site"
    AT_CENTRE = "at_centre"
    PHONE = "phone"
    VIDEO = "video"


class ConsultationKind(StrEnum):
    SIGNPOSTING = "signposting"
    IN_DEPTH = "in_depth"
    FOLLOW_UP = "follow_up"
    OMBUDS = "ombuds"


class OmbudsState(StrEnum):
    """Where an ombuds case of the Haus der Selbstständigen stands (domain/ombuds.py)."""

    RECEIVED = "received"
    IN_CLARIFICATION = "in_clarification"
    MEDIATED = "mediated"
    CLOSED = "closed"


class ConsultationStatus(StrEnum):
    DRAFT = "draft"
    FINAL = "final"
    SIGNED = "signed"


class EsfCounting(StrEnum):
    ENTITY = "entity"
    PARTICIPANT = "participant"


class EventType(StrEnum):
    WORKSHOP = "workshop"
    SEMINAR = "seminar"
    QUALIFICATION = "qualification"
    EXPERIMENTATION_LAB = "experimentation_lab"
    INFORMATION_EVENT = "information_event"
    NETWORK_MEETING = "network_meeting"


class QuestionnaireStatus(StrEnum):
    MISSING = "missing"
    INCOMPLETE = "incomplete"
    COMPLETE = "complete"


class QuestionnairePart(StrEnum):
    """ESF questionnaire parts: Teil 1 at entry, Teil 2 on leaving."""

    ENTRY = "entry"
    EXIT = "exit"


class ConsentPurpose(StrEnum):
    CONTACT_DATA = "contact_data"
    ESF_MONITORING = "esf_monitoring"
    NEWSLETTER = "newsletter"
    PHOTOS = "photos"
    SPECIAL_CATEGORY = "special_category"


class LegalBasis(StrEnum):
    CONSENT = "art6_1a"
    CONTRACT = "art6_1b"
    LEGAL_OBLIGATION = "art6_1c"
    PUBLIC_TASK = "art6_1e"
    EXPLICIT_CONSENT = "art9_2a"


class ConsentMethod(StrEnum):
    PAPER = "paper"
    EMAIL = "email"
    VERBAL = "verbal"
    ONLINE = "online"


class AuditAction(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    RESTORE = "restore"
    ERASE = "erase"
    EXPORT = "export"
    PRINT = "print"
    MERGE = "merge"


class ConflictStatus(StrEnum):
    OPEN = "open"
    RESOLVED = "resolved"


class HealthInsurance(StrEnum):
    STATUTORY = "statutory"
    PRIVATE = "private"
    ARTISTS_FUND = "artists_fund"
    NONE = "none"


class PensionProvision(StrEnum):
    STATUTORY = "statutory"
    PRIVATE = "private"
    NONE = "none"


class FeeBasis(StrEnum):
    HOURLY = "hourly"
    DAILY = "daily"
    PROJECT = "project"
    PER_PIECE = "per_piece"


class FeeBand(StrEnum):
    """Typical fee per day (EUR) of a self-employed person."""

    BELOW_250 = "lt_250"
    FROM_250_TO_500 = "250_500"
    FROM_500_TO_800 = "500_800"
    ABOVE_800 = "gt_800"


class SectorVersion(StrEnum):
    WZ2025 = "WZ2025"
    WZ2008 = "WZ2008"


class PartnerType(StrEnum):
    """Kinds of partners an advisor refers to (the partner network's "Lotsenfunktion")."""

    CHAMBER = "chamber"
    MITTELSTAND_DIGITAL = "mittelstand_digital"
    EMPLOYMENT_AGENCY = "employment_agency"
    FUNDING_BANK = "funding_bank"
    UNION = "union"
    SELF_EMPLOYED_ASSOCIATION = "selfemployed_assoc"
    OMBUDS_OFFICE = "ombuds_office"
    OTHER = "other"


class ReferralOutcome(StrEnum):
    TAKEN_UP = "taken_up"
    NOT_TAKEN_UP = "not_taken_up"
    UNKNOWN = "unknown"


class KnowledgeKind(StrEnum):
    ARTICLE = "article"
    CHECKLIST = "checklist"
    TEMPLATE = "template"
    FILE = "file"
    LINK = "link"
    GOOD_PRACTICE = "good_practice"


class TargetGroup(StrEnum):
    SME = "sme"
    EMPLOYEES = "employees"
    SOLO_SELF_EMPLOYED = "solo_self_employed"


class ReviewState(StrEnum):
    """Advisors write drafts and proposals; managers (a centre) or coordinators (the programme)
    publish and withdraw."""

    DRAFT = "draft"
    PROPOSED = "proposed"
    PUBLISHED = "published"
    WITHDRAWN = "withdrawn"
