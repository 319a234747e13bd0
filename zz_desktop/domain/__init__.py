"""Value types, enums, code lists and validation rules (no SQLAlchemy, no Qt)."""
