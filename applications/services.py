"""Applicant-side actions: drafts, attachments, the employer's annex, submission, withdrawal, the case timeline.

Every function is one domain action in a transaction; views, the API, commands and `workflows` call these.
"""

from __future__ import annotations

import hashlib
import json
import logging
import secrets
from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import File
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from formdefs.api import (
    PREFILLED,
    FieldSpec,
    FieldType,
    FormDefinition,
    FormDefinitionStatus,
    PayloadError,
    answers_as_asked,
    answers_to_data,
    evaluate,
    is_prefilled_only,
    is_signing_step,
    validate_payload,
)
from validators.files import SCAN_MIN_SHORT_SIDE, validate_upload

from . import signals, tasks
from .case_models import (
    WITHDRAWABLE,
    AnnexLinkCode,
    AnnexStatus,
    Application,
    ApplicationStatus,
    Attachment,
    CaseEvent,
    CaseNumberSequence,
    Draft,
    DraftStatus,
    EmployerAnnex,
)
from .models import Office, Voivodeship
from .pdf_cleaning import stored_upload
from .signatures.checks import refuse
from .signing import SIGNATURE_METHODS, SignatureEvidence, available_signature_methods
from .signing_services import signing_credentials

ANNEX_CODE_VALIDITY = timedelta(days=14)
logger = logging.getLogger(__name__)


class SubmissionError(Exception):
    """The draft cannot be submitted; `errors` say which answers to fix (each points at its step)."""

    def __init__(self, message: str, errors: list[PayloadError] | None = None) -> None:
        super().__init__(str(message))
        self.message = message
        self.errors = errors or []


# --- Drafts ------------------------------------------------------------------------------------------------------


def published_definition(slug: str) -> FormDefinition:
    return FormDefinition.objects.get(slug=slug, status=FormDefinitionStatus.PUBLISHED)


def start_draft(*, applicant, slug: str, for_child: bool = False) -> Draft:
    """Start an application on the published version of a form; the draft keeps that version for good.

    `for_child`: a parent or guardian files for a minor from their own account and signs it (art. 106c-106d).
    """
    definition = published_definition(slug)
    if definition.spec.annex_of:
        raise ValidationError(_("An annex is filled in by the employer, not started as an application."))
    return Draft.objects.create(applicant=applicant, definition=definition, filed_by_guardian=for_child)


def is_minor_on(answers: Mapping[str, Any], day) -> bool | None:
    """Whether the party named in the answers is under 18 on `day` (None when no date of birth is given)."""
    from datetime import date

    born = answer(answers, "date_of_birth")
    try:
        born = date.fromisoformat(str(born))
    except ValueError:
        return None
    return (day.year - born.year - ((day.month, day.day) < (born.month, born.day))) < 18


def save_step_answers(
    *, draft: Draft | EmployerAnnex, step_key: str, answers: Mapping[str, Any], wizard_state: dict | None = None
) -> Draft | EmployerAnnex:
    """Store the cleaned answers of one step (JSON-ready) and forget what was typed there before.

    Works for an applicant's draft and for an employer's annex alike: both are filled by the same wizard, which
    passes its own state along so that one locked write saves both.
    """
    editable = {Draft: DraftStatus.OPEN, EmployerAnnex: AnnexStatus.DRAFT}[type(draft)]
    cleaned = json.loads(json.dumps(dict(answers), cls=DjangoJSONEncoder))
    with transaction.atomic():
        draft = (
            type(draft)
            .objects.select_for_update()
            .only("pk", "answers", "unsaved_input", "wizard_state")
            .get(pk=draft.pk, status=editable)
        )
        draft.answers = {**draft.answers, step_key: cleaned}
        draft.unsaved_input.pop(step_key, None)
        fields = ["answers", "unsaved_input"] + (["updated_at"] if isinstance(draft, Draft) else [])
        if wizard_state is not None:
            draft.wizard_state = wizard_state
            fields.append("wizard_state")
        draft.save(update_fields=fields)
    return draft


def delete_draft(*, draft: Draft, applicant) -> None:
    if draft.applicant_id != applicant.pk or draft.status != DraftStatus.OPEN:
        raise PermissionDenied
    with transaction.atomic():
        files = [a.file.name for a in draft.attachments.all()]
        draft.attachments.all().delete()
        EmployerAnnex.objects.filter(draft=draft).update(draft=None)
        draft.delete()
        transaction.on_commit(lambda: _delete_files(files))


def _delete_files(names: list[str]) -> None:
    from django.core.files.storage import default_storage

    for name in names:
        default_storage.delete(name)


# --- Attachments -------------------------------------------------------------------------------------------------


#: The 2026 rules (Dz.U. 2026 poz. 553): each file at most 10 MB (the definitions say so per attachment), all the
#: files of one application at most 50 MB.
APPLICATION_MAX_MB_2026 = 50


def add_attachment(*, draft: Draft, requirement: str, upload: File) -> Attachment:
    """Check the file by its bytes against the definition's requirement, then store it with its SHA-256."""
    spec = draft.definition.spec
    required = next((a for a in spec.attachments if a.key == requirement), None)
    if required is None:
        raise ValidationError(_("This attachment is not part of the application."), code="unknown_requirement")
    if not required.multiple and draft.attachments.filter(requirement=requirement).exists():
        raise ValidationError(
            _("Only one file is allowed here. Use “Replace” to put another file in its place."), code="one_file"
        )
    return _store_attachment(draft=draft, required=required, upload=upload)


def _store_attachment(*, draft: Draft, required, upload: File) -> Attachment:
    requirement = required.key
    params: dict[str, Any] = {}
    for ref in required.validators:
        if ref.name == "photo_dimensions":
            params.update(ref.params)
    if not params:  # not a photograph: an image is a scan, which must be legible
        params["min_short_side"] = SCAN_MIN_SHORT_SIDE
    info = validate_upload(upload, accept=required.accept, max_size_mb=required.max_size_mb, **params)
    if draft.definition.spec.layout == "2026":  # the 2026 rules: at most 50 MB of files per application
        used = draft.attachments.aggregate(total=Sum("size"))["total"] or 0
        if used + info.size > APPLICATION_MAX_MB_2026 * 1024 * 1024:
            raise ValidationError(
                _("The files of one application may take at most %(limit)d MB together; this file would exceed it."),
                code="application_too_large",
                params={"limit": APPLICATION_MAX_MB_2026},
            )
    stored = stored_upload(upload, content_type=info.content_type, sha256=info.sha256, size=info.size)
    attachment = Attachment(
        draft=draft,
        requirement=requirement,
        original_name=info.safe_name,
        content_type=info.content_type,
        size=stored.size,
        sha256=stored.sha256,
    )
    attachment.file.save(info.safe_name, stored.file, save=False)
    attachment.save()
    return attachment


SUPPLEMENT_ACCEPT = ("application/pdf", "image/jpeg", "image/png")
SUPPLEMENT_MAX_MB = 10


def add_case_attachment(*, application: Application, upload: File, requirement: str = "supplement") -> Attachment:
    """A file the applicant sends after submission (a supplement): checked by its bytes, attached to the case and to
    its draft, so the applicant's own file list and downloads include it."""
    info = validate_upload(
        upload, accept=SUPPLEMENT_ACCEPT, max_size_mb=SUPPLEMENT_MAX_MB, min_short_side=SCAN_MIN_SHORT_SIDE
    )
    stored = stored_upload(upload, content_type=info.content_type, sha256=info.sha256, size=info.size)
    attachment = Attachment(
        application=application,
        draft_id=application.draft_id,
        requirement=requirement,
        original_name=info.safe_name,
        content_type=info.content_type,
        size=stored.size,
        sha256=stored.sha256,
    )
    attachment.file.save(info.safe_name, stored.file, save=False)
    attachment.save()
    return attachment


def remove_attachment(*, attachment: Attachment, applicant) -> None:
    draft = attachment.draft
    if draft is None or draft.applicant_id != applicant.pk or draft.status != DraftStatus.OPEN:
        raise PermissionDenied
    name = attachment.file.name
    attachment.delete()
    transaction.on_commit(lambda: _delete_files([name]))


def replace_attachment(*, attachment: Attachment, applicant, upload: File) -> Attachment:
    """Put another file in place of an attached one, for the same document: the new file is checked like any
    upload, and the old one goes only once the new one is stored."""
    draft = attachment.draft
    if draft is None or draft.applicant_id != applicant.pk or draft.status != DraftStatus.OPEN:
        raise PermissionDenied
    required = next((a for a in draft.definition.spec.attachments if a.key == attachment.requirement), None)
    if required is None:
        raise ValidationError(_("This attachment is not part of the application."), code="unknown_requirement")
    with transaction.atomic():
        new = _store_attachment(draft=draft, required=required, upload=upload)
        name = attachment.file.name
        attachment.delete()
    transaction.on_commit(lambda: _delete_files([name]))
    return new


def same_file_elsewhere(attachment: Attachment) -> list[str]:
    """The other documents of the draft that the very same file (same SHA-256) is attached as."""
    if attachment.draft_id is None:
        return []
    return sorted(
        set(
            Attachment.objects.filter(draft_id=attachment.draft_id, sha256=attachment.sha256)
            .exclude(requirement=attachment.requirement)
            .values_list("requirement", flat=True)
        )
    )


def missing_attachments(draft: Draft) -> list[str]:
    """Keys of required attachments with no file yet (conditions decide which are required)."""

    present = set(draft.attachments.values_list("requirement", flat=True))
    missing = []
    for requirement in draft.definition.spec.attachments:
        needed = requirement.required or (
            requirement.required_if is not None and evaluate(requirement.required_if, draft.answers)
        )
        if needed and requirement.key not in present:
            missing.append(requirement.key)
    return missing


# --- The employer's annex ----------------------------------------------------------------------------------------


def _hash_code(code: str) -> str:
    return hashlib.sha256(code.strip().upper().replace("-", "").encode()).hexdigest()


def annex_definition_for(draft: Draft) -> FormDefinition | None:
    """The annex this draft needs (the employer's or an institution's), or None.

    An annex applies when it is an annex of the draft's form and its `annex_if` (if any) holds on the draft's
    answers, so a temporary-residence draft for studies needs the university's annex and one for a family reason
    none. Of an annex's versions the one on the draft's own layout is taken (a version-1 draft keeps the 2019
    annex, also after version 2 is published), else the published one.
    """
    candidates = FormDefinition.objects.filter(
        status__in=(FormDefinitionStatus.PUBLISHED, FormDefinitionStatus.RETIRED),
        definition__annex_of=draft.definition.slug,
    ).order_by("slug", "-version")
    layout = draft.definition.spec.layout
    by_slug: dict[str, list[FormDefinition]] = {}
    for candidate in candidates:
        by_slug.setdefault(candidate.slug, []).append(candidate)
    for versions in by_slug.values():
        published = [v for v in versions if v.status == FormDefinitionStatus.PUBLISHED]
        if not published:
            continue  # a retired annex with no successor is no longer asked for
        same_layout = [v for v in versions if v.spec.layout == layout]
        chosen = same_layout[0] if same_layout else published[0]
        if chosen.spec.annex_if is None or evaluate(chosen.spec.annex_if, draft.answers):
            return chosen
    return None


def needs_employer_annex(draft: Draft) -> bool:
    """Whether the draft needs an annex filled by its employer or an institution (see `annex_definition_for`)."""
    return annex_definition_for(draft) is not None


def create_annex_link_code(*, draft: Draft) -> str:
    """A new one-time code for the employer (older unused codes of the draft stop working)."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I: read aloud and typed by hand
    raw = "".join(secrets.choice(alphabet) for _ in range(12))
    now = timezone.now()
    with transaction.atomic():
        draft.annex_codes.filter(used_at__isnull=True).update(expires_at=now)
        AnnexLinkCode.objects.create(draft=draft, code_hash=_hash_code(raw), expires_at=now + ANNEX_CODE_VALIDITY)
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def start_annex(*, employer, code: str) -> EmployerAnnex:
    """The employer redeems the applicant's code: a new annex, linked to that draft, exactly once."""
    with transaction.atomic():
        link = (
            AnnexLinkCode.objects.select_for_update().select_related("draft").filter(code_hash=_hash_code(code)).first()
        )
        if link is None or link.used_at is not None or link.expires_at <= timezone.now():
            raise ValidationError(
                _("This code is wrong, expired or already used. Ask the applicant for a new one."), code="bad_code"
            )
        if link.draft.status != DraftStatus.OPEN:
            raise ValidationError(_("This application has already been submitted."), code="submitted")
        definition = annex_definition_for(link.draft)
        if definition is None:
            raise ValidationError(
                _("This application does not need an annex (check the purpose of stay with the applicant)."),
                code="no_annex",
            )
        EmployerAnnex.objects.filter(draft=link.draft).update(draft=None)  # a new annex replaces the old link
        annex = EmployerAnnex.objects.create(
            employer=employer,
            definition=definition,
            draft=link.draft,
            answers=foreigner_part_from_application(definition.spec, link.draft.answers),
        )
        link.used_at, link.used_by = timezone.now(), employer
        link.save(update_fields=["used_at", "used_by"])
    return annex


# The annex's foreign-worker step, answered from the applicant's own answers (field key in the annex -> in the draft).
FOREIGNER_STEP = "foreigner"
FOREIGNER_FIELDS_FROM_APPLICATION = {
    "surname": "surname",
    "given_names": "given_names",
    "date_of_birth": "date_of_birth",
    "citizenship": "citizenship",
    "document_number": "document_series_number",
}


def foreigner_part_from_application(spec, application_answers: Mapping[str, Any]) -> dict[str, Any]:
    """The annex's foreign-worker part prefilled from the linked application (#17), so the employer checks rather
    than retypes it; the employer may still correct it. Only answers the annex's field accepts are taken."""
    try:
        step = spec.step(FOREIGNER_STEP)
    except KeyError:
        return {}
    keys = {item.key for item in step.items}
    part: dict[str, Any] = {}
    for key, source in FOREIGNER_FIELDS_FROM_APPLICATION.items():
        value = answer(application_answers, source)
        if key not in keys or value in (None, "", []):
            continue
        if key == "citizenship" and isinstance(value, list):  # the application may list several; the annex takes one
            value = value[0]
        part[key] = value
    return {FOREIGNER_STEP: part} if part else {}


def complete_annex(
    *,
    annex: EmployerAnnex,
    employer,
    signature_method: str,
    credentials: dict | None = None,
    ip: str | None = None,
) -> EmployerAnnex:
    """The employer (or the institution) signs its annex, with the same methods as the applicant; only a signed
    annex is complete and counts for the application it is linked to."""
    if annex.employer_id != employer.pk:
        raise PermissionDenied
    cleaned, errors = validate_payload(annex.definition.spec, annex.answers)
    if errors:
        raise SubmissionError(_("Some answers of the annex need your attention."), errors)
    if signature_method not in available_signature_methods():
        raise refuse("method_off")
    with transaction.atomic():
        annex = EmployerAnnex.objects.select_for_update().select_related("definition").get(pk=annex.pk)
        if annex.status == AnnexStatus.COMPLETE:
            return annex
        evidence = SIGNATURE_METHODS[signature_method].sign(
            user=employer, credentials=signing_credentials(annex, employer, credentials or {}), ip=ip
        )
        annex.answers, annex.status, annex.completed_at = cleaned, AnnexStatus.COMPLETE, timezone.now()
        annex.signature_method, annex.signature_evidence, annex.signed_at = (
            evidence.method,
            evidence.details,
            evidence.signed_at,
        )
        annex.save(
            update_fields=["answers", "status", "completed_at", "signature_method", "signature_evidence", "signed_at"]
        )
    return annex


# --- Submission --------------------------------------------------------------------------------------------------


def _with_declarations_ticked(spec, answers: Mapping[str, Any]) -> dict[str, Any]:
    """The answers as they will be once the declarations are ticked on the signing page."""

    answers = dict(answers)
    for step in spec.steps:
        if is_signing_step(step):
            answers[step.key] = {**answers.get(step.key, {}), **{item.key: True for item in step.items}}
    return answers


def check_draft(draft: Draft) -> list[PayloadError]:
    """Everything that stands between this draft and submission (the declarations aside, which are ticked when
    signing), each error pointing at its step."""
    spec = draft.definition.spec
    _cleaned, errors = validate_payload(spec, _with_declarations_ticked(spec, answers_as_asked(spec, draft.answers)))
    errors = list(errors)
    for key in missing_attachments(draft):
        errors.append(
            PayloadError("attachments", f"attachments.{key}", str(_("This attachment is required.")), "required")
        )
    required = annex_definition_for(draft)
    if required is not None:
        annex = getattr(draft, "employer_annex", None)
        if annex is None or annex.status != AnnexStatus.COMPLETE:
            message = (
                _("Your employer has not completed Annex 1 yet.")
                if required.spec.filled_by == "employer"
                else _("The institution has not completed its annex yet.")
            )
            errors.append(PayloadError("annex", "annex", str(message), "annex_missing"))
        elif annex.definition.slug != required.slug:
            errors.append(
                PayloadError(
                    "annex",
                    "annex",
                    str(_("The annex linked is not the one this purpose of stay needs; ask for the right one.")),
                    "annex_wrong_kind",
                )
            )
    return errors


def allocate_case_number(*, voivodeship: Voivodeship, year: int) -> str:
    """The next number of the voivodeship's register for the year: `14/2026/000123`.

    The counter row is locked until the submitting transaction ends, so numbers are consecutive and unique
    under concurrency, and a rolled-back submission gives its number back.
    """
    try:
        with transaction.atomic():
            CaseNumberSequence.objects.get_or_create(voivodeship=voivodeship, year=year)
    except IntegrityError:
        pass  # another submission created the row first
    sequence = CaseNumberSequence.objects.select_for_update().get(voivodeship=voivodeship, year=year)
    sequence.last_value += 1
    sequence.save(update_fields=["last_value"])
    return f"{voivodeship.code}/{year}/{sequence.last_value:06d}"


def answer(answers: Mapping[str, Any], key: str) -> Any:
    """The first answer with this field key in any step (keys such as `surname` are unique in a definition)."""
    for step in answers.values():
        if isinstance(step, Mapping) and key in step:
            return step[key]
    return None


def submit_draft(
    *,
    draft_id: int,
    applicant,
    signature_method: str,
    credentials: dict,
    ip: str | None,
    declaration_confirmed: bool,
    language: str = "pl",
) -> Application:
    """Submit exactly once: a second call (double click, second tab, retry) returns the same application."""
    if not declaration_confirmed:
        raise SubmissionError(_("Confirm the declaration to submit the application."))
    if signature_method not in available_signature_methods():
        raise refuse("method_off")
    method = SIGNATURE_METHODS[signature_method]
    with transaction.atomic():
        draft = Draft.objects.select_for_update().select_related("definition").get(pk=draft_id, applicant=applicant)
        if draft.status == DraftStatus.SUBMITTED:
            return draft.application
        evidence: SignatureEvidence = method.sign(
            user=applicant, credentials=signing_credentials(draft, applicant, credentials), ip=ip
        )
        errors = check_draft(draft)
        if errors:
            raise SubmissionError(_("Some answers need your attention before you can submit."), errors)
        if draft.filed_by_guardian and is_minor_on(draft.answers, timezone.localdate()) is not True:
            raise SubmissionError(
                _("A parent or guardian files only for a child under 18: the date of birth says otherwise.")
            )
        cleaned, _errors = validate_payload(
            draft.definition.spec, answers_as_asked(draft.definition.spec, draft.answers)
        )
        voivodeship = Voivodeship.objects.get(code=cleaned["residence"]["voivodeship"])
        office = Office.objects.get(voivodeship=voivodeship)
        now = timezone.now()
        application = Application.objects.create(
            case_number=allocate_case_number(voivodeship=voivodeship, year=timezone.localdate(now).year),
            applicant=applicant,
            draft=draft,
            definition=draft.definition,
            voivodeship=voivodeship,
            office=office,
            answers=cleaned,
            submitted_at=now,
            status_changed_at=now,
            applicant_language=language,
            surname=str(answer(cleaned, "surname") or "")[:200],
            given_names=str(answer(cleaned, "given_names") or "")[:200],
            travel_document_number=str(
                answer(cleaned, "document_series_number") or answer(cleaned, "document_number") or ""
            )[:40],
            declaration_confirmed_by=applicant,
            declaration_confirmed_at=evidence.signed_at,
            declaration_ip=evidence.ip,
            signature_method=evidence.method,
            signature_evidence=evidence.details,
            guardian=applicant if draft.filed_by_guardian else None,
            signing_request_id=evidence.signing_request_id,
        )
        draft.attachments.update(application=application)
        draft.status = DraftStatus.SUBMITTED
        draft.save(update_fields=["status", "updated_at"])
        record_event(application, CaseEvent.Kind.SUBMITTED, data={"case_number": application.case_number})
        transaction.on_commit(lambda: _announce(signals.application_submitted, application))
    return application


def _announce(signal, application: Application) -> None:
    """Tell the subscribers (case processing, documents); the applicant's action has succeeded whatever they do,
    so a subscriber's failure is logged for the staff, never shown to the applicant as an error."""
    for receiver, result in signal.send_robust(sender=Application, application=application):
        if isinstance(result, Exception):
            logger.error(
                "%s failed for case %s",
                getattr(receiver, "__qualname__", receiver),
                application.case_number,
                exc_info=result,
            )


def withdraw_application(*, application: Application, applicant) -> Application:
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application.pk, applicant=applicant)
        if application.status == ApplicationStatus.WITHDRAWN:
            return application
        if application.status not in WITHDRAWABLE:
            raise ValidationError(_("This application can no longer be withdrawn."), code="not_withdrawable")
        application.withdrawn_at = timezone.now()
        set_status(application, ApplicationStatus.WITHDRAWN)
        application.save(update_fields=["withdrawn_at"])
        record_event(application, CaseEvent.Kind.WITHDRAWN)
        transaction.on_commit(lambda: _announce(signals.application_withdrawn, application))
    return application


# --- What case processing tells the applicant --------------------------------------------------------------------


def set_status(application: Application, status: ApplicationStatus | str) -> None:
    application.status = status
    application.status_changed_at = timezone.now()
    application.save(update_fields=["status", "status_changed_at"])


def record_event(
    application: Application, kind: CaseEvent.Kind | str, *, data: dict | None = None, action_url: str = "", due_at=None
) -> CaseEvent:
    """Add a line to the applicant's timeline (no officer-internal detail belongs in `data`)."""
    event = CaseEvent.objects.create(
        application=application, kind=kind, data=data or {}, action_url=action_url, due_at=due_at
    )
    transaction.on_commit(lambda: tasks.enqueue(event), robust=True)
    return event


def move_event_deadline(application: Application, kind: CaseEvent.Kind | str, *, due_at) -> CaseEvent | None:
    """The latest request of `kind` gets the deadline that delivery fixed (the same request, now with its exact date).

    Case processing sets a call's deadline at its latest possible moment when the letter is made available and
    calls this when the letter is opened; the timeline line stays one line, with the date the applicant must meet.
    """
    event = application.events.filter(kind=kind).order_by("-created_at", "-pk").first()
    if event is None:
        return None
    event.due_at = due_at
    if isinstance(event.data, dict) and "deadline" in event.data:
        event.data = {**event.data, "deadline": timezone.localdate(due_at).isoformat()}
    event.save(update_fields=["due_at", "data"])
    return event


def prefill_from_mrz(*, draft: Draft, mrz, mrz_text: str) -> int:
    """Copy what the passport's MRZ says into the fields that ask for it, as typed-but-unsaved input to check."""

    unsaved = dict(draft.unsaved_input)
    count = 0
    for step in draft.definition.spec.steps:
        values: dict[str, str] = {}
        for item in step.items:
            if not isinstance(item, FieldSpec):
                continue
            if item.type == FieldType.MRZ:
                values[item.key] = mrz_text.strip()
            elif item.prefill_from_mrz and getattr(mrz, item.prefill_from_mrz, None) not in (None, ""):
                value = getattr(mrz, item.prefill_from_mrz)
                values[item.key] = value.isoformat() if hasattr(value, "isoformat") else str(value)
            elif (implied := _implied_by_mrz(item, mrz)) is not None:
                values[item.key] = implied
        if values:
            data = unsaved.get(step.key) or answers_to_data(step, draft.answers.get(step.key) or {})
            touched = step.key in draft.unsaved_input and not is_prefilled_only(draft.unsaved_input[step.key])
            unsaved[step.key] = {**data, **{key: [value] for key, value in values.items()}}
            if not touched:  # shown for the applicant to check, without errors for what they have not typed yet
                unsaved[step.key][PREFILLED] = ["1"]
            count += len(values)
    type(draft).objects.filter(pk=draft.pk).update(unsaved_input=unsaved)
    draft.unsaved_input = unsaved
    return count


def _implied_by_mrz(field: FieldSpec, mrz) -> str | None:
    """A choice the MRZ decides although the definition names no MRZ part for it: the kind of document.

    The published fragments (version 1) predate `prefill_from_mrz: "document_kind"`; a choice field asking for the
    document's type (`document_type`) with a `passport` choice is set from the MRZ's document code `P`.
    """
    if field.type != FieldType.CHOICE or field.key != "document_type":
        return None
    kind = mrz.document_kind
    return kind if kind in {c.value for c in field.choices or []} else None


def access_code(application: Application) -> str:
    """The code printed on the receipt that opens the public status page for this case.

    Derived with HMAC from the case number and a server key, so it needs no storage and cannot be guessed
    from the case number; `ACCESS_CODE_KEY` (default: SECRET_KEY) must stay stable.
    """
    import hmac

    from django.conf import settings

    key = (getattr(settings, "ACCESS_CODE_KEY", "") or settings.SECRET_KEY).encode()
    digest = hmac.new(key, f"mos-access:{application.case_number}".encode(), hashlib.sha256).digest()
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    code = "".join(alphabet[b % len(alphabet)] for b in digest[:12])
    return f"{code[:4]}-{code[4:8]}-{code[8:]}"


def access_code_matches(application: Application, code: str) -> bool:
    import hmac

    given = (code or "").strip().upper().replace(" ", "")
    return hmac.compare_digest(access_code(application).replace("-", ""), given.replace("-", ""))
