"""The GUI login accepts the coordinating centre's account on a fresh profile (real hub
subprocess); on a profile with records the refusal shows next to the fields."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from zz_desktop.services import coordination, sync_service
from zz_desktop.sync import state
from zz_hub.testing import running_hub, sqlite_url

pytestmark = pytest.mark.gui


def test_gui_login_as_coordinator(qtbot: Any, store: Any, tmp_path: Path) -> None:
    from zz_desktop.services.organisations import create_organisation
    from zz_desktop.ui.dialogs.login_dialog import LoginDialog

    with running_hub(sqlite_url(tmp_path)) as url:
        dialog = LoginDialog(store)
        qtbot.addWidget(dialog)
        dialog.hub.setText(url)
        dialog.user.setText("koordination")
        dialog.password.setText("demo")
        dialog.try_login()
        assert dialog.result() == dialog.DialogCode.Accepted, dialog.error.text()
        assert dialog.result_info is not None and dialog.result_info.role == "coordinator"
        assert sync_service.is_coordinator(store)
        report = sync_service.sync(store)
        assert report.pushed == 0 and report.pulled == 0
        assert coordination.table(store, coordination.current_quarter(), "topic") is not None
        assert state.get(store, state.LAST_SYNC)

        # A profile that keeps records is not turned into a coordinator profile.
        other = LoginDialog(store)
        qtbot.addWidget(other)
        # A coordinator may not make records (roles table): the records come from the
        # profile's earlier life as an advisor's.
        state.put(store, **{state.ROLE: "advisor"})
        create_organisation(store, {"name": "Muster GmbH"})
        other.hub.setText(url)
        other.user.setText("koordination")
        other.password.setText("demo")
        other.try_login()
        assert other.result() != other.DialogCode.Accepted
        assert other.error.text()
