"""The change bus: after each write a ``changes(ChangeSet)`` signal tells open views what to
refresh, so that each view reloads only when an entity it shows has changed."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal


@dataclass(frozen=True)
class ChangeSet:
    """Entities (``"organisation"``, ``"consultation"`` …) and record ids touched by a write."""

    entities: frozenset[str] = field(default_factory=frozenset)
    ids: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def of(cls, *entities: str, ids: tuple[str, ...] | list[str] = ()) -> ChangeSet:
        return cls(frozenset(entities), frozenset(i for i in ids if i))

    def touches(self, *entities: str) -> bool:
        return not self.entities or bool(self.entities.intersection(entities))


class Bus(QObject):
    changes = Signal(object)  # ChangeSet

    def announce(self, change: ChangeSet) -> None:
        self.changes.emit(change)


_bus: Bus | None = None


def bus() -> Bus:
    global _bus
    if _bus is None:
        _bus = Bus()
    return _bus
