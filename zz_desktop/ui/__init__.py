"""The PySide6 user interface — the only package that imports Qt."""

from zz_desktop.ui.pyside_workarounds import protect_none

protect_none()
