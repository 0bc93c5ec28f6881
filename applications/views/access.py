"""Who may use the applicant and employer pages."""

from __future__ import annotations

from django.contrib.auth.mixins import AccessMixin
from django.core.exceptions import PermissionDenied

from accounts.models import Role
from mos.client_address import client_ip

__all__ = ["ApplicantRequiredMixin", "EmployerRequiredMixin", "RoleRequiredMixin", "client_ip"]


class RoleRequiredMixin(AccessMixin):
    """Anonymous visitors go to the login page; people without the role get 403."""

    required_role: str = Role.APPLICANT

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not request.user.has_role(self.required_role):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ApplicantRequiredMixin(RoleRequiredMixin):
    required_role = Role.APPLICANT


class EmployerRequiredMixin(RoleRequiredMixin):
    required_role = Role.EMPLOYER
