"""Form drafts for the GUI: the store access lives in ``services.drafts``; this module keeps
the names the forms have always imported."""

from __future__ import annotations

from zz_desktop.services.drafts import delete_draft, load_draft, save_draft

__all__ = ["delete_draft", "load_draft", "save_draft"]
