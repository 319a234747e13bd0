"""Use cases called by both the GUI and the command line (nothing is implemented twice)."""
