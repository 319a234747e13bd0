"""Dialogs: forms, search, audit log, crash report."""
