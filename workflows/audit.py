"""The legal audit trail: every officer action is written here by the service that performs it."""

from __future__ import annotations

from typing import Any

from mos.client_address import client_ip

from .models import AuditEntry

__all__ = ["audit", "client_ip"]  # client_ip: the address through the trusted proxies, for the entries


def audit(
    user, action: str, *, application=None, obj: Any = None, ip: str | None = None, data: dict | None = None
) -> AuditEntry:
    return AuditEntry.objects.create(
        user=user if getattr(user, "is_authenticated", False) else None,
        action=action,
        application=application,
        object_repr=(f"{type(obj).__name__} {getattr(obj, 'pk', '')}: {obj}"[:200] if obj is not None else ""),
        ip=ip,
        data=data or {},
    )
