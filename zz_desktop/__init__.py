"""Zukunftszentren Desktop: offline-first records of advice to SMEs and the self-employed."""

__version__ = "0.1.0"
APP_NAME = "zz-desktop"
APP_TITLE = "Zukunftszentren Desktop"
