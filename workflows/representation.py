"""The officer's check of a power of attorney (and its 17 PLN stamp duty), scoped to the officer's office."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import PermissionDenied

from applications.representation import record_power_of_attorney_check
from applications.representation_models import Representation

from .models import StaffMembership


def check_power_of_attorney(
    *, representation: Representation, officer, accepted: bool, stamp_duty_paid_pln: Decimal | None
) -> Representation:
    membership = StaffMembership.objects.filter(user=officer).first()
    if membership is None or membership.office_id != representation.application.office_id:
        raise PermissionDenied
    return record_power_of_attorney_check(
        representation=representation, officer=officer, accepted=accepted, stamp_duty_paid_pln=stamp_duty_paid_pln
    )
