"""The four permit types, described in plain words for the home page and the start page."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class PermitType:
    slug: str
    title: Promise
    who_for: Promise
    prepare: Promise


PERMIT_TYPES: tuple[PermitType, ...] = (
    PermitType(
        slug="temporary-residence",
        title=_("Temporary residence permit"),
        who_for=_(
            "For people who want to live in Poland for more than three months and up to three years: to study, "
            "to join their family, to run a business or for another reason."
        ),
        prepare=_(
            "A valid passport, a recent photograph, documents that show why you are staying, health insurance "
            "and proof that you paid the fee."
        ),
    ),
    PermitType(
        slug="temporary-residence-work",
        title=_("Temporary residence and work permit"),
        who_for=_("For people who have a job in Poland and want one decision that lets them both live and work here."),
        prepare=_(
            "A valid passport, a recent photograph, and Annex 1, which your employer fills in online and links "
            "to your application."
        ),
    ),
    PermitType(
        slug="permanent-residence",
        title=_("Permanent residence permit"),
        who_for=_(
            "For people with close ties to Poland: Polish origin, the Card of the Pole, marriage to a Polish "
            "citizen, or international protection."
        ),
        prepare=_("A valid passport, a recent photograph and the documents that prove your ties to Poland."),
    ),
    PermitType(
        slug="eu-long-term-resident",
        title=_("EU long-term resident's permit"),
        who_for=_(
            "For people who have lived in Poland legally and without a break for at least five years and have "
            "a stable income."
        ),
        prepare=_(
            "A valid passport, a recent photograph, proof of income, health insurance, a place to live and "
            "knowledge of Polish at level B1."
        ),
    ),
)
