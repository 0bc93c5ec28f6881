"""Cross-field rules: checks that need more than one answer.

Each rule takes ``values`` (role name -> answer, None when unanswered), does nothing when an answer it needs is
missing or itself invalid (the field validator reports that), and raises ValidationError({role: error}) keyed by
the role whose field should show the message.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from validators._common import add_months, add_years, as_date, is_missing
from validators._registration import rule
from validators.identity import pesel_birth_date_and_sex
from validators.money import blue_card_monthly_threshold, minimum_wage
from validators.travel_documents import MRZData, normalise_mrz, parse_td3, to_mrz_name, travel_document_number


def _dates(values: Mapping[str, Any], *roles: str) -> tuple[datetime.date, ...] | None:
    """The answers for ``roles`` as dates, or None when one is missing or not a date."""
    try:
        return tuple(as_date(values.get(role)) for role in roles)
    except ValidationError:
        return None


def _decimal(value: Any) -> Decimal | None:
    if is_missing(value):
        return None
    try:
        number = Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


@rule("pesel_matches_birth_and_sex")
def pesel_matches_birth_and_sex(values: Mapping[str, Any]) -> None:
    """The PESEL encodes the date of birth and sex the applicant gave (a typo in either shows up here)."""
    if is_missing(values.get("pesel")):
        return
    try:
        born, sex = pesel_birth_date_and_sex(values["pesel"])
    except ValidationError:
        return
    answered = _dates(values, "date_of_birth")
    if answered is not None and answered[0] != born:
        raise ValidationError(
            {
                "pesel": ValidationError(
                    _("This PESEL number does not match the date of birth you gave."), code="pesel_birth_date_mismatch"
                )
            }
        )
    given_sex = values.get("sex")
    if not is_missing(given_sex) and str(given_sex).strip().upper() != sex:
        raise ValidationError(
            {
                "pesel": ValidationError(
                    _("This PESEL number does not match the sex you gave."), code="pesel_sex_mismatch"
                )
            }
        )


@rule("date_order")
def date_order(values: Mapping[str, Any], *, allow_equal: bool = True) -> None:
    """The start date is not after the end date (and not the same day unless allow_equal)."""
    dates = _dates(values, "start", "end")
    if dates is None:
        return
    start, end = dates
    if end < start:
        raise ValidationError(
            {"end": ValidationError(_("The end date cannot be before the start date."), code="date_order")}
        )
    if end == start and not allow_equal:
        raise ValidationError(
            {"end": ValidationError(_("The end date must be after the start date."), code="date_order")}
        )


@rule("valid_on_submission")
def valid_on_submission(values: Mapping[str, Any]) -> None:
    """The document is still valid on the day the application is submitted."""
    dates = _dates(values, "expiry")
    if dates is not None and dates[0] < timezone.localdate():
        raise ValidationError(
            {
                "expiry": ValidationError(
                    _("This document has expired. The travel document must be valid on the day you submit."),
                    code="document_expired",
                )
            }
        )


@rule("period_at_most")
def period_at_most(values: Mapping[str, Any], *, years: int = 3) -> None:
    """The period from start to end is at most ``years`` years (e.g. the longest temporary residence permit)."""
    dates = _dates(values, "start", "end")
    if dates is None:
        return
    start, end = dates
    if end > add_years(start, years):
        raise ValidationError(
            {
                "end": ValidationError(
                    _("The period may last at most %(years)d years."), code="period_too_long", params={"years": years}
                )
            }
        )


def _nationality(code: str) -> str:
    # The MRZ writes Germany as D; an answer gives DEU.
    code = code.strip().upper()
    return "DEU" if code == "D" else code


def _name_agrees(answer: str, in_mrz: str, *, truncated: bool) -> bool:
    expected = to_mrz_name(answer)
    if expected is None:  # a name in another script cannot be compared with the Latin MRZ
        return True
    written = in_mrz.replace(" ", "<")
    # A long name is cut off at the end of the first line; the answer then only has to begin like the MRZ.
    return expected == written or (truncated and expected.startswith(written))


def _mrz_disagreements(values: Mapping[str, Any], mrz: MRZData, *, truncated: bool) -> dict[str, ValidationError]:
    errors: dict[str, ValidationError] = {}

    def differs(role: str, message: Any) -> None:
        errors[role] = ValidationError(message, code=f"mrz_{role}_mismatch")

    if not is_missing(values.get("surname")) and not _name_agrees(values["surname"], mrz.surname, truncated=truncated):
        differs("surname", _("The surname does not match the machine-readable zone of the passport."))
    given = values.get("given_names")
    if not is_missing(given) and not _name_agrees(given, mrz.given_names, truncated=truncated):
        differs("given_names", _("The given names do not match the machine-readable zone of the passport."))
    for role, in_mrz, message in (
        ("date_of_birth", mrz.date_of_birth, _("The date of birth does not match the machine-readable zone.")),
        ("expiry_date", mrz.expiry_date, _("The expiry date does not match the machine-readable zone.")),
    ):
        dates = _dates(values, role)
        if dates is not None and dates[0] != in_mrz:
            differs(role, message)
    sex = values.get("sex")
    if not is_missing(sex) and mrz.sex is not None and str(sex).strip().upper() != mrz.sex:
        differs("sex", _("The sex does not match the machine-readable zone of the passport."))
    nationality = values.get("nationality")
    if not is_missing(nationality) and _nationality(str(nationality)) != _nationality(mrz.nationality):
        differs("nationality", _("The nationality does not match the machine-readable zone of the passport."))
    number = values.get("document_number")
    if not is_missing(number):
        try:
            cleaned = travel_document_number(number, min_length=1, max_length=50)
        except ValidationError:
            cleaned = None
        if cleaned is not None and cleaned != mrz.document_number:
            differs("document_number", _("The document number does not match the machine-readable zone."))
    return errors


@rule("mrz_matches")
def mrz_matches(values: Mapping[str, Any]) -> None:
    """Every answer given (names, dates, sex, nationality, number) agrees with the passport's MRZ."""
    if is_missing(values.get("mrz")):
        return
    try:
        mrz = parse_td3(values["mrz"])
    except ValidationError:
        return
    truncated = normalise_mrz(values["mrz"])[0][-1] != "<"  # the name zone is full to its last character
    errors = _mrz_disagreements(values, mrz, truncated=truncated)
    if errors:
        raise ValidationError(errors)


@rule("pay_not_below_minimum_wage")
def pay_not_below_minimum_wage(values: Mapping[str, Any]) -> None:
    """The gross pay offered is not below the minimum wage (monthly pro rata to working time, or hourly)."""
    amount = _decimal(values.get("amount"))
    basis = values.get("basis")
    if amount is None or is_missing(basis):
        return
    wage = minimum_wage()
    if basis == "hourly":
        if amount < wage.hourly:
            raise ValidationError(
                {
                    "amount": ValidationError(
                        _("The pay is below the minimum hourly rate (%(minimum)s PLN gross)."),
                        code="pay_below_minimum_hourly",
                        params={"minimum": wage.hourly},
                    )
                }
            )
        return
    if basis != "monthly":
        return
    fraction = _decimal(values.get("fraction"))
    if fraction is None:
        fraction = Decimal(1)
    if not Decimal(0) < fraction <= Decimal(1):
        raise ValidationError(
            {
                "fraction": ValidationError(
                    _("The working time must be more than 0 and at most 1 (full time)."), code="fraction_out_of_range"
                )
            }
        )
    minimum = (wage.monthly * fraction).quantize(Decimal("0.01"))
    if amount < minimum:
        raise ValidationError(
            {
                "amount": ValidationError(
                    _("The pay is below the minimum monthly wage for this working time (%(minimum)s PLN gross)."),
                    code="pay_below_minimum_monthly",
                    params={"minimum": minimum},
                )
            }
        )


@rule("pay_not_below_full_minimum_wage")
def pay_not_below_full_minimum_wage(values: Mapping[str, Any]) -> None:
    """The 2026 rule: the pay is not below the full minimum monthly wage whatever the working time or the contract.

    Part-time work does not lower the bar (the version-1 rule scaled it by working time, which the offices do not
    accept). Hourly pay is at least the minimum hourly rate and, when the hours a month are given, adds up to at
    least the full monthly minimum.
    """
    amount = _decimal(values.get("amount"))
    basis = values.get("basis")
    if amount is None or is_missing(basis):
        return
    wage = minimum_wage()
    if basis == "monthly":
        if amount < wage.monthly:
            raise ValidationError(
                {
                    "amount": ValidationError(
                        _(
                            "The pay is below the full minimum monthly wage (%(minimum)s PLN gross), which applies "
                            "whatever the working time or the contract."
                        ),
                        code="pay_below_full_minimum_monthly",
                        params={"minimum": wage.monthly},
                    )
                }
            )
        return
    if basis != "hourly":
        return
    if amount < wage.hourly:
        raise ValidationError(
            {
                "amount": ValidationError(
                    _("The pay is below the minimum hourly rate (%(minimum)s PLN gross)."),
                    code="pay_below_minimum_hourly",
                    params={"minimum": wage.hourly},
                )
            }
        )
    hours = _decimal(values.get("hours_per_month"))
    if hours is not None and hours > 0 and (amount * hours).quantize(Decimal("0.01")) < wage.monthly:
        raise ValidationError(
            {
                "amount": ValidationError(
                    _(
                        "The hourly pay times the hours a month comes to %(total)s PLN, below the full minimum "
                        "monthly wage (%(minimum)s PLN gross)."
                    ),
                    code="pay_below_full_minimum_monthly",
                    params={"total": (amount * hours).quantize(Decimal("0.01")), "minimum": wage.monthly},
                )
            }
        )


@rule("pay_not_below_blue_card_threshold")
def pay_not_below_blue_card_threshold(values: Mapping[str, Any]) -> None:
    """The gross monthly pay offered for an EU Blue Card is at least the threshold of art. 127 ust. 1 pkt 3."""
    amount = _decimal(values.get("amount"))
    if amount is None:
        return
    threshold = blue_card_monthly_threshold()
    if amount < threshold:
        raise ValidationError(
            {
                "amount": ValidationError(
                    _(
                        "For an EU Blue Card the gross monthly pay must be at least %(minimum)s PLN (150%% of last "
                        "year's average wage)."
                    ),
                    code="pay_below_blue_card_threshold",
                    params={"minimum": threshold},
                )
            }
        )


@rule("blue_card_contract_long_enough")
def blue_card_contract_long_enough(values: Mapping[str, Any]) -> None:
    """The Blue Card contract runs for at least 6 months (art. 127 ust. 1 pkt 2 as amended from 1 June 2025)."""
    dates = _dates(values, "start", "end")
    if dates is None:
        return
    start, end = dates
    if end < add_months(start, 6) - datetime.timedelta(days=1):
        raise ValidationError(
            {
                "end": ValidationError(
                    _("For an EU Blue Card the contract must run for at least 6 months."),
                    code="blue_card_contract_too_short",
                )
            }
        )
