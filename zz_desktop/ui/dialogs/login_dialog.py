"""Log in to the hub: address, user name, password. Binds the profile to the user's centre."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from zz_desktop.errors import UserError
from zz_desktop.services import sync_service
from zz_desktop.store.database import Store
from zz_desktop.sync import state


class LoginDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.result_info: sync_service.LoginResult | None = None
        self.setWindowTitle(self.tr("Log in to the hub"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.hub = QLineEdit(state.get(store, state.HUB_URL) or "https://", self)
        self.hub.setObjectName("hubUrl")
        self.user = QLineEdit(state.get(store, state.USERNAME) or "", self)
        self.user.setObjectName("userName")
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Hub address"), self.hub)
        form.addRow(self.tr("User name"), self.user)
        form.addRow(self.tr("Password"), self.password)
        layout.addLayout(form)
        self.error = QLabel("", self)
        self.error.setObjectName("loginError")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.try_login)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def try_login(self) -> None:
        try:
            self.result_info = sync_service.login(
                self.store, self.hub.text().strip(), self.user.text().strip(), self.password.text()
            )
        except UserError as exc:
            self.error.setText(str(exc))
            return
        finally:
            self.password.clear()
        self.accept()
