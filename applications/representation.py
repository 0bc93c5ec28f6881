"""Acting through a representative: the party appoints one with a power of attorney (stamp duty 17 PLN), the office
checks it, and then the representative sees the case, answers calls and files letters. Signing the application is
the party's alone (art. 106c-106d): a representative has no way to a draft."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import File
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from validators.files import validate_upload

from .case_models import Application, Attachment
from .representation_models import POWER_OF_ATTORNEY_STAMP_DUTY, PowerOfAttorneyStatus, Representation

DOCUMENT_TYPES = ("application/pdf", "image/jpeg", "image/png")


def appoint_representative(
    *,
    application: Application,
    party,
    representative_email: str,
    power_of_attorney: File,
    stamp_duty_proof: File | None,
) -> Representation:
    """The party (or the guardian who filed) names a representative who has a MOS account, with the power of
    attorney and the proof of its stamp duty; the office checks both before the representative can act."""
    if application.applicant_id != party.pk:
        raise PermissionDenied
    representative = get_user_model().objects.filter(email__iexact=representative_email.strip()).first()
    if representative is None or representative.pk == party.pk:
        raise ValidationError(_("There is no other MOS account with this e-mail address."), code="no_account")
    info = validate_upload(power_of_attorney, accept=DOCUMENT_TYPES, max_size_mb=10)
    with transaction.atomic():
        representation, _created = Representation.objects.get_or_create(
            application=application,
            representative=representative,
            defaults={"appointed_by": party, "power_of_attorney_sha256": info.sha256},
        )
        representation.power_of_attorney.save(info.safe_name, power_of_attorney, save=False)
        representation.power_of_attorney_sha256 = info.sha256
        if stamp_duty_proof is not None:
            proof = validate_upload(stamp_duty_proof, accept=DOCUMENT_TYPES, max_size_mb=10)
            representation.stamp_duty_proof.save(proof.safe_name, stamp_duty_proof, save=False)
        representation.status, representation.checked_by, representation.checked_at = (
            PowerOfAttorneyStatus.PENDING,
            None,
            None,
        )
        representation.save()
    return representation


def record_power_of_attorney_check(
    *, representation: Representation, officer, accepted: bool, stamp_duty_paid_pln
) -> Representation:
    """The officer's check (called by case processing, which scopes the officer to the case's office): accepted only
    with the stamp duty of 17 PLN paid."""
    if accepted and (stamp_duty_paid_pln is None or stamp_duty_paid_pln < POWER_OF_ATTORNEY_STAMP_DUTY):
        raise ValidationError(_("The stamp duty of 17 PLN on the power of attorney has not been paid."), code="duty")
    representation.status = PowerOfAttorneyStatus.ACCEPTED if accepted else PowerOfAttorneyStatus.REFUSED
    representation.checked_by, representation.checked_at = officer, timezone.now()
    representation.save(update_fields=["status", "checked_by", "checked_at"])
    return representation


def cases_for_party_or_representative(user) -> QuerySet[Application]:
    """The cases a person may see and act in: their own, and those where the office accepted their power of
    attorney."""
    if not user.is_authenticated:
        return Application.objects.none()
    represented = Representation.objects.filter(representative=user, status=PowerOfAttorneyStatus.ACCEPTED)
    return (
        Application.objects.filter(Q(applicant=user) | Q(pk__in=represented.values("application_id")))
        .select_related("office", "definition", "voivodeship")
        .distinct()
    )


def may_act_in_case(application: Application, user) -> bool:
    """The party (the account that filed) or an accepted representative: who may answer calls and file letters."""
    if application.applicant_id == user.pk:
        return True
    return application.representations.filter(representative=user, status=PowerOfAttorneyStatus.ACCEPTED).exists()


def file_letter(*, application: Application, author, upload: File) -> Attachment:
    """A letter (pismo) in the case from the party or the representative: stored with the case like a supplement."""
    from .services import add_case_attachment

    if not may_act_in_case(application, author):
        raise PermissionDenied
    attachment = add_case_attachment(application=application, upload=upload, requirement="letter")
    return attachment
