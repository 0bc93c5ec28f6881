"""Country codes: ISO 3166-1 alpha-3 (pycountry) plus the codes ICAO 9303 allows on travel documents."""

from __future__ import annotations

import gettext
import unicodedata
from functools import lru_cache
from typing import Any

import pycountry
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from validators._common import as_text
from validators._registration import field_validator

# Codes that appear on travel documents but are not ISO 3166-1 countries (ICAO 9303 part 3, section 5).
# pycountry knows only ISO countries, so these are listed by hand.
ICAO_SPECIAL_CODES: dict[str, str] = {
    "D": "Germany",  # the MRZ uses the one-letter code D (padded D<<), not DEU
    "EUE": "European Union",
    "GBD": "British Overseas Territories Citizen",
    "GBN": "British National (Overseas)",
    "GBO": "British Overseas Citizen",
    "GBP": "British Protected Person",
    "GBS": "British Subject",
    "RKS": "Kosovo",  # printed on Kosovo passports
    "XKX": "Kosovo",
    "UNA": "Specialized agency of the United Nations",
    "UNK": "Resident of Kosovo (UNMIK)",
    "UNO": "United Nations Organization",
    "UTO": "Utopia (ICAO specimen)",
    "XBA": "African Development Bank",
    "XCC": "Caribbean Community",
    "XCE": "Council of Europe",
    "XCO": "Common Market for Eastern and Southern Africa",
    "XEC": "Economic Community of West African States",
    "XES": "Organisation of Eastern Caribbean States",
    "XIM": "African Export-Import Bank",
    "XMP": "Parliamentary Assembly of the Mediterranean",
    "XOM": "Sovereign Military Order of Malta",
    "XPO": "Interpol",
    "XDC": "Southern African Development Community",
    "XXA": "Stateless person",
    "XXB": "Refugee (1951 Convention)",
    "XXC": "Refugee (other)",
    "XXX": "Unspecified nationality",
}

# The special codes an applicant may pick as a nationality in a select (the rest only appear on documents).
_NATIONALITY_SPECIAL_CHOICES: dict[str, Any] = {
    "XXA": _("Stateless person"),
    "XXB": _("Refugee (1951 Convention)"),
    "XXC": _("Refugee (other)"),
    "XXX": _("Unspecified nationality"),
}


@lru_cache(maxsize=1)
def _iso_alpha3() -> frozenset[str]:
    return frozenset(country.alpha_3 for country in pycountry.countries)


def is_known_country_code(code: str) -> bool:
    """True for an ISO 3166-1 alpha-3 code or an ICAO travel-document code."""
    return code in _iso_alpha3() or code in ICAO_SPECIAL_CODES


@field_validator("country_code")
def country_code(value: Any) -> str:
    """An ISO 3166-1 alpha-3 country code or an ICAO travel-document code (XXA stateless, D, UTO...); upper-case."""
    code = as_text(value).upper()
    if not is_known_country_code(code):
        raise ValidationError(_("This is not a known three-letter country code."), code="country_code")
    return code


@lru_cache(maxsize=16)
def _translation(language: str) -> gettext.NullTranslations:
    """pycountry's own catalogue (domain iso3166-1); English and unknown languages fall back to the English names."""
    candidates = [language.replace("-", "_"), language.replace("-", "_").split("_")[0]]
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=candidates, fallback=True)


def _sort_key(name: str) -> str:
    # Accents are ignored so that "Łotwa" sorts with L and "Österreich" with O, as a reader expects.
    decomposed = unicodedata.normalize("NFKD", name.replace("Ł", "L").replace("ł", "l"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


@lru_cache(maxsize=16)
def _country_choices(language: str) -> tuple[tuple[str, str], ...]:
    translation = _translation(language)
    choices = []
    for country in pycountry.countries:
        name = getattr(country, "common_name", None) or country.name
        choices.append((country.alpha_3, translation.gettext(name)))
    return tuple(sorted(choices, key=lambda choice: _sort_key(choice[1])))


def country_choices(language: str, *, include_special: bool = False) -> list[tuple[str, str]]:
    """(alpha-3 code, country name in ``language``) pairs sorted by name, for select widgets.

    ``include_special`` appends stateless / refugee / unspecified, which a nationality question needs.
    """
    choices = list(_country_choices(language))
    if include_special:
        from django.utils import translation

        with translation.override(language):
            choices += [(code, str(label)) for code, label in _NATIONALITY_SPECIAL_CHOICES.items()]
    return choices
