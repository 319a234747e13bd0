"""Qt item models of the desktop app."""
