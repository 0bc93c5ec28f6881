"""Build the built-in form definitions (official forms, layout 2019) and write them as JSON.

Run ``python -m formdefs.builtin.generate`` after changing this file and commit both.

Parts A (personal data), B (place of residence), C (travel document), E (additional information) and F (declaration)
are the same in the four main forms and are built once below; each form adds its own part D (the permit applied
for: purpose, basis or conditions) and its own attachments. Annex 1 (filled by the employer) is a separate definition.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from formdefs.builtin import BUILTIN_DIR
from formdefs.schema import FormDefinitionSpec

VERSION = 1
LAYOUT = "2019"

Json = dict[str, Any]


# --- Small helpers ----------------------------------------------------------------------------------------------


def t(pl: str, en: str, uk: str, ru: str) -> Json:
    """A text in the four languages (Polish is the official wording)."""
    return {"pl": pl, "en": en, "uk": uk, "ru": ru}


def c(value: str, pl: str, en: str, uk: str, ru: str) -> Json:
    """One choice: a stable code and its label."""
    return {"value": value, "label": t(pl, en, uk, ru)}


def field(
    key: str, type_: str, label: Json, help_: Json | None = None, number: str | None = None, **extra: Any
) -> Json:
    spec: Json = {"key": key, "type": type_}
    if number is not None:
        spec["number"] = number
    spec["label"] = label
    if help_ is not None:
        spec["help"] = help_
    spec.update(extra)
    return spec


def group(key: str, label: Json, item_label: Json, fields: list[Json], help_: Json | None = None, **extra: Any) -> Json:
    spec: Json = {"key": key, "type": "group", "label": label}
    if help_ is not None:
        spec["help"] = help_
    spec["item_label"] = item_label
    spec.update(extra)
    spec["fields"] = fields
    return spec


def step(key: str, section: str, title: Json, items: list[Json], intro: Json | None = None) -> Json:
    spec: Json = {"key": key, "section": section, "title": title}
    if intro is not None:
        spec["intro"] = intro
    spec["items"] = items
    return spec


def eq(path: str, value: Any) -> Json:
    return {"field": path, "equals": value}


def is_yes(path: str) -> Json:
    return eq(path, True)


def is_not_yes(path: str) -> Json:
    return {"not": eq(path, True)}


def only_if(condition: Json) -> Json:
    """Shown and required only when `condition` holds."""
    return {"required": False, "required_if": condition, "show_if": condition}


def rule(name: str, **params: Any) -> Json:
    return {"rule": name, "params": params}


def attachment(key: str, label: Json, help_: Json | None = None, **extra: Any) -> Json:
    spec: Json = {"key": key, "label": label}
    if help_ is not None:
        spec["help"] = help_
    spec.update(extra)
    return spec


def yes_no_with_details(
    key: str, label: Json, details_key: str, details_label: Json, step_key: str, help_: Json | None = None
) -> list[Json]:
    """A yes/no question and a text box asked (and required) only when the answer is yes."""
    return [
        field(key, "boolean", label, help_),
        field(
            details_key,
            "textarea",
            details_label,
            DETAILS_HELP,
            max_length=2000,
            **only_if(is_yes(f"{step_key}.{key}")),
        ),
    ]


def unknown_tick(name_key: str, path: str) -> tuple[Json, Json]:
    """For "required unless unknown": the tick box, and the conditions for the name field."""
    tick = field(f"{name_key}_unknown", "boolean", UNKNOWN_LABEL, required=False)
    return tick, only_if(is_not_yes(f"{path}_unknown"))


# --- Common texts -----------------------------------------------------------------------------------------------

LATIN_HELP = t(
    "Tak jak w dokumencie podróży, literami łacińskimi.",
    "As in your passport, in Latin letters.",
    "Як у паспорті, латинськими літерами.",
    "Как в паспорте, латинскими буквами.",
)
LIST_HELP = t(
    "Literami łacińskimi; kilka oddziel przecinkami. Jeśli nie było, zaznacz „nie dotyczy”.",
    "In Latin letters; separate several with commas. If there were none, tick “not applicable”.",
    "Латинськими літерами; кілька розділяйте комами. Якщо їх не було, позначте «не стосується».",
    "Латинскими буквами; несколько разделяйте запятыми. Если их не было, отметьте «не применимо».",
)
UNKNOWN_LABEL = t("Nie znam", "I do not know", "Не знаю", "Не знаю")
DETAILS_HELP = t(
    "Opisz krótko: kiedy, gdzie, czego dotyczyło.",
    "Describe briefly: when, where and what it concerned.",
    "Коротко опишіть: коли, де і чого це стосувалося.",
    "Кратко опишите: когда, где и чего это касалось.",
)
DATE_FROM = t("Od", "From", "З", "С")
DATE_TO = t("Do", "To", "По", "По")
YES_NO_INTRO = t(
    "Odpowiedz na każde pytanie: tak albo nie.",
    "Answer every question: yes or no.",
    "Дайте відповідь на кожне запитання: так або ні.",
    "Ответьте на каждый вопрос: да или нет.",
)
# Answers go into the official record in Latin script (names as in the travel document): Latin letters with their
# diacritics (Latin-1, Latin Extended-A/B and Additional, combining marks), spaces, hyphens and apostrophes; the
# `name` type's own validator (person_name) then allows any script, so this pattern is what keeps names Latin.
_LATIN = r"A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff\u0300-\u036f' \u2019\-"
LATIN_NAME_PATTERN = rf"^[{_LATIN}]+$"
LATIN_LIST_PATTERN = rf"^[{_LATIN},]+$"  # several names separated by commas


# --- Choice lists -----------------------------------------------------------------------------------------------

SEX = [
    c("F", "kobieta", "female", "жіноча", "женский"),
    c("M", "mężczyzna", "male", "чоловіча", "мужской"),
]
MARITAL_STATUS = [
    c("single", "kawaler / panna", "single", "неодружений / незаміжня", "холост / не замужем"),
    c("married", "żonaty / zamężna", "married", "одружений / заміжня", "женат / замужем"),
    c("divorced", "rozwiedziony / rozwiedziona", "divorced", "розлучений / розлучена", "разведён / разведена"),
    c("widowed", "wdowiec / wdowa", "widowed", "вдівець / вдова", "вдовец / вдова"),
]
EDUCATION = [
    c("primary", "podstawowe", "primary", "початкова", "начальное"),
    c("lower_secondary", "gimnazjalne", "lower secondary", "базова середня", "неполное среднее"),
    c(
        "vocational",
        "zasadnicze zawodowe / branżowe",
        "basic vocational",
        "професійно-технічна",
        "профессионально-техническое",
    ),
    c("secondary", "średnie", "secondary", "повна загальна середня", "среднее"),
    c("higher", "wyższe", "higher (university)", "вища", "высшее"),
    c("none", "brak", "none", "немає", "нет"),
]
EYE_COLOUR = [
    c("blue", "niebieskie", "blue", "блакитні", "голубые"),
    c("grey", "szare", "grey", "сірі", "серые"),
    c("green", "zielone", "green", "зелені", "зелёные"),
    c("hazel", "piwne", "hazel", "світло-карі", "светло-карие"),
    c("brown", "brązowe", "brown", "карі", "карие"),
    c("black", "czarne", "black", "чорні", "чёрные"),
    c("other", "inne", "other", "інший колір", "другой цвет"),
]
DOCUMENT_TYPE = [
    c("passport", "paszport", "passport", "паспорт", "паспорт"),
    c(
        "other",
        "inny dokument podróży",
        "other travel document",
        "інший проїзний документ",
        "другой проездной документ",
    ),
]
RELATIONSHIP = [
    c("spouse", "małżonek / małżonka", "spouse", "чоловік / дружина", "супруг / супруга"),
    c("child", "dziecko", "child", "дитина", "ребёнок"),
    c("parent", "rodzic", "parent", "батько / мати", "отец / мать"),
    c("other", "inny członek rodziny", "other family member", "інший член сім'ї", "другой член семьи"),
]
STAY_BASIS = [
    c("visa", "wiza", "visa", "віза", "виза"),
    c(
        "residence_permit",
        "zezwolenie na pobyt",
        "residence permit",
        "дозвіл на перебування",
        "разрешение на пребывание",
    ),
    c("visa_free", "ruch bezwizowy", "visa-free travel", "безвізовий режим", "безвизовый режим"),
    c("other", "inna podstawa", "other basis", "інша підстава", "другое основание"),
]
PURPOSE = [
    c("work", "wykonywanie pracy", "work", "робота", "работа"),
    c(
        "blue_card",
        "praca w zawodzie wymagającym wysokich kwalifikacji (Niebieska Karta UE)",
        "highly qualified work (EU Blue Card)",
        "висококваліфікована робота (Блакитна карта ЄС)",
        "высококвалифицированная работа (Голубая карта ЕС)",
    ),
    c("seasonal_work", "praca sezonowa", "seasonal work", "сезонна робота", "сезонная работа"),
    c(
        "intra_corporate_transfer",
        "przeniesienie wewnątrz przedsiębiorstwa",
        "intra-corporate transfer",
        "внутрішньокорпоративне переведення",
        "внутрикорпоративный перевод",
    ),
    c(
        "business",
        "prowadzenie działalności gospodarczej",
        "running a business",
        "ведення підприємницької діяльності",
        "ведение предпринимательской деятельности",
    ),
    c("studies", "studia", "studies", "навчання у закладі вищої освіти", "обучение в высшем учебном заведении"),
    c(
        "research",
        "prowadzenie badań naukowych",
        "scientific research",
        "проведення наукових досліджень",
        "проведение научных исследований",
    ),
    c("training", "odbycie stażu", "traineeship", "проходження стажування", "прохождение стажировки"),
    c(
        "family_reunification",
        "połączenie z rodziną",
        "family reunification",
        "возз'єднання з сім'єю",
        "воссоединение с семьёй",
    ),
    c(
        "spouse_of_polish_citizen",
        "małżeństwo z obywatelem polskim",
        "spouse of a Polish citizen",
        "шлюб із громадянином Польщі",
        "брак с гражданином Польши",
    ),
    c(
        "minor_child",
        "małoletnie dziecko cudzoziemca",
        "minor child of a foreigner",
        "неповнолітня дитина іноземця",
        "несовершеннолетний ребёнок иностранца",
    ),
    c(
        "trafficking_victim",
        "ofiara handlu ludźmi",
        "victim of human trafficking",
        "жертва торгівлі людьми",
        "жертва торговли людьми",
    ),
    c(
        "short_stay",
        "inne okoliczności wymagające krótkotrwałego pobytu",
        "other circumstances requiring a short stay",
        "інші обставини, що вимагають короткочасного перебування",
        "иные обстоятельства, требующие кратковременного пребывания",
    ),
    c("other", "inny cel", "other purpose", "інша мета", "другая цель"),
]
PERMANENT_BASIS = [
    c(
        "child_of_polish_citizen",
        "małoletnie dziecko obywatela polskiego pozostające pod jego władzą rodzicielską",
        "minor child of a Polish citizen, under his or her parental authority",
        "неповнолітня дитина громадянина Польщі, яка перебуває під його батьківською опікою",
        "несовершеннолетний ребёнок гражданина Польши, находящийся под его родительской опекой",
    ),
    c(
        "child_born_in_poland",
        "dziecko cudzoziemca posiadającego zezwolenie na pobyt stały, urodzone w Polsce",
        "child of a foreigner with a permanent residence permit, born in Poland",
        "дитина іноземця з дозволом на постійне перебування, народжена в Польщі",
        "ребёнок иностранца с разрешением на постоянное пребывание, родившийся в Польше",
    ),
    c("polish_origin", "pochodzenie polskie", "Polish origin", "польське походження", "польское происхождение"),
    c(
        "spouse_of_polish_citizen",
        "małżonek obywatela polskiego od co najmniej 3 lat, przebywający w Polsce nieprzerwanie co najmniej 2 lata "
        "na podstawie zezwolenia na pobyt czasowy",
        "spouse of a Polish citizen for at least 3 years, staying in Poland continuously for at least 2 years on a "
        "temporary residence permit",
        "чоловік / дружина громадянина Польщі щонайменше 3 роки, який безперервно перебуває в Польщі щонайменше "
        "2 роки на підставі дозволу на тимчасове перебування",
        "супруг / супруга гражданина Польши не менее 3 лет, непрерывно пребывающий в Польше не менее 2 лет на "
        "основании разрешения на временное пребывание",
    ),
    c(
        "pole_card",
        "posiadacz Karty Polaka zamierzający osiedlić się w Polsce na stałe",
        "holder of the Pole's Card intending to settle in Poland permanently",
        "власник Карти поляка, який має намір оселитися в Польщі на постійне проживання",
        "владелец Карты поляка, намеревающийся поселиться в Польше на постоянное жительство",
    ),
    c(
        "protection",
        "status uchodźcy lub ochrona uzupełniająca i nieprzerwany pobyt w Polsce co najmniej 5 lat",
        "refugee status or subsidiary protection and at least 5 years of continuous stay in Poland",
        "статус біженця або додатковий захист і безперервне перебування в Польщі щонайменше 5 років",
        "статус беженца или дополнительная защита и непрерывное пребывание в Польше не менее 5 лет",
    ),
    c(
        "trafficking_victim",
        "ofiara handlu ludźmi",
        "victim of human trafficking",
        "жертва торгівлі людьми",
        "жертва торговли людьми",
    ),
    c(
        "other",
        "inna podstawa przewidziana w ustawie o cudzoziemcach",
        "another basis under the Act on Foreigners",
        "інша підстава, передбачена Законом про іноземців",
        "другое основание, предусмотренное Законом об иностранцах",
    ),
]
ACCOMMODATION_TITLE = [
    c("ownership", "własność", "ownership", "власність", "собственность"),
    c("lease", "umowa najmu", "tenancy agreement", "договір оренди (найму)", "договор аренды (найма)"),
    c(
        "loan_for_use",
        "umowa użyczenia",
        "free-of-charge use agreement",
        "договір безоплатного користування",
        "договор безвозмездного пользования",
    ),
    c("other", "inny tytuł prawny", "other legal title", "інша правова підстава", "другое правовое основание"),
]
POLISH_KNOWLEDGE = [
    c(
        "certificate_b1",
        "urzędowe poświadczenie znajomości języka polskiego co najmniej na poziomie B1",
        "official certificate of Polish at level B1 or higher",
        "офіційний сертифікат знання польської мови не нижче B1",
        "официальный сертификат знания польского языка не ниже B1",
    ),
    c(
        "polish_school",
        "świadectwo ukończenia szkoły w Polsce (nauka w języku polskim)",
        "certificate from a school in Poland (taught in Polish)",
        "свідоцтво про закінчення школи в Польщі (навчання польською мовою)",
        "аттестат об окончании школы в Польше (обучение на польском языке)",
    ),
    c(
        "polish_university",
        "dyplom ukończenia studiów w języku polskim",
        "university diploma from studies taught in Polish",
        "диплом про закінчення навчання польською мовою",
        "диплом об окончании обучения на польском языке",
    ),
]
CONTRACT_TYPE = [
    c("employment_contract", "umowa o pracę", "employment contract", "трудовий договір", "трудовой договор"),
    c(
        "civil_law_contract",
        "umowa cywilnoprawna",
        "civil-law contract (e.g. contract of mandate)",
        "цивільно-правовий договір",
        "гражданско-правовой договор",
    ),
    c("other", "inna podstawa", "other basis", "інша підстава", "другое основание"),
]
PAY_BASIS = [
    c("monthly", "miesięcznie", "per month", "на місяць", "в месяц"),
    c("hourly", "za godzinę", "per hour", "за годину", "в час"),
]
EMPLOYER_KIND = [
    c(
        "registered",
        "podmiot wpisany do rejestru lub ewidencji (np. KRS, CEIDG)",
        "entity entered in a register (e.g. KRS, CEIDG)",
        "суб'єкт, внесений до реєстру (наприклад, KRS, CEIDG)",
        "субъект, внесённый в реестр (например, KRS, CEIDG)",
    ),
    c(
        "natural_person",
        "osoba fizyczna nieprowadząca działalności gospodarczej",
        "natural person not running a business",
        "фізична особа, яка не веде підприємницької діяльності",
        "физическое лицо, не ведущее предпринимательской деятельности",
    ),
]


# --- Part A: personal data (items 1-20) -------------------------------------------------------------------------


def personal_step() -> Json:
    """Part A, items 1-10."""
    p = "personal"
    father_tick, father_cond = unknown_tick("father_name", f"{p}.father_name")
    mother_tick, mother_cond = unknown_tick("mother_name", f"{p}.mother_name")
    maiden_tick, maiden_cond = unknown_tick("mother_maiden_name", f"{p}.mother_maiden_name")
    return step(
        p,
        "A",
        t("Dane osobowe cudzoziemca", "Personal data", "Особисті дані", "Личные данные"),
        intro=t(
            "Wniosek wypełnia się w języku polskim: imiona i nazwiska wpisz literami łacińskimi, tak jak w paszporcie.",
            "The application is filled in in Polish: write names in Latin letters, as in your passport.",
            "Заява заповнюється польською мовою: імена та прізвища пишіть латинськими літерами, як у паспорті.",
            "Заявление заполняется на польском языке: имена и фамилии пишите латинскими буквами, как в паспорте.",
        ),
        items=[
            field(
                "surname",
                "name",
                t("Nazwisko", "Surname", "Прізвище", "Фамилия"),
                LATIN_HELP,
                "1",
                pattern=LATIN_NAME_PATTERN,
                max_length=100,
                prefill_from_mrz="surname",
            ),
            field(
                "previous_surnames",
                "text",
                t(
                    "Nazwisko (nazwiska) poprzednie",
                    "Previous surname(s)",
                    "Попереднє прізвище (прізвища)",
                    "Прежняя фамилия (фамилии)",
                ),
                LIST_HELP,
                "2",
                required=False,
                not_applicable=True,
                pattern=LATIN_LIST_PATTERN,
                max_length=200,
            ),
            field(
                "family_name",
                "name",
                t(
                    "Nazwisko rodowe",
                    "Family name (surname at birth)",
                    "Прізвище при народженні",
                    "Фамилия при рождении",
                ),
                t(
                    "Nazwisko, które nosiłeś(-aś) przy urodzeniu, literami łacińskimi.",
                    "The surname you had at birth, in Latin letters.",
                    "Прізвище, яке ви мали при народженні, латинськими літерами.",
                    "Фамилия, которую вы носили при рождении, латинскими буквами.",
                ),
                "3",
                pattern=LATIN_NAME_PATTERN,
                max_length=100,
            ),
            field(
                "given_names",
                "name",
                t("Imię (imiona)", "Given name(s)", "Ім'я (імена)", "Имя (имена)"),
                LATIN_HELP,
                "4",
                pattern=LATIN_NAME_PATTERN,
                max_length=100,
                prefill_from_mrz="given_names",
            ),
            field(
                "previous_given_names",
                "text",
                t(
                    "Imię (imiona) poprzednie",
                    "Previous given name(s)",
                    "Попереднє ім'я (імена)",
                    "Прежнее имя (имена)",
                ),
                LIST_HELP,
                "5",
                required=False,
                not_applicable=True,
                pattern=LATIN_LIST_PATTERN,
                max_length=200,
            ),
            field(
                "father_name",
                "name",
                t("Imię ojca", "Father's given name", "Ім'я батька", "Имя отца"),
                t(
                    "Literami łacińskimi. Jeśli go nie znasz, zaznacz „Nie znam”.",
                    "In Latin letters. If you do not know it, tick “I do not know”.",
                    "Латинськими літерами. Якщо ви його не знаєте, позначте «Не знаю».",
                    "Латинскими буквами. Если вы его не знаете, отметьте «Не знаю».",
                ),
                "6",
                pattern=LATIN_NAME_PATTERN,
                max_length=100,
                **father_cond,
            ),
            father_tick,
            field(
                "mother_name",
                "name",
                t("Imię matki", "Mother's given name", "Ім'я матері", "Имя матери"),
                t(
                    "Literami łacińskimi. Jeśli go nie znasz, zaznacz „Nie znam”.",
                    "In Latin letters. If you do not know it, tick “I do not know”.",
                    "Латинськими літерами. Якщо ви його не знаєте, позначте «Не знаю».",
                    "Латинскими буквами. Если вы его не знаете, отметьте «Не знаю».",
                ),
                "7",
                pattern=LATIN_NAME_PATTERN,
                max_length=100,
                **mother_cond,
            ),
            mother_tick,
            field(
                "mother_maiden_name",
                "name",
                t(
                    "Nazwisko rodowe matki",
                    "Mother's family name (surname at birth)",
                    "Прізвище матері при народженні",
                    "Фамилия матери при рождении",
                ),
                t(
                    "Nazwisko matki przed ślubem, literami łacińskimi. Jeśli go nie znasz, zaznacz „Nie znam”.",
                    "Your mother's surname before marriage, in Latin letters. If you do not know it, tick “I do not know”.",
                    "Прізвище матері до шлюбу, латинськими літерами. Якщо ви його не знаєте, позначте «Не знаю».",
                    "Фамилия матери до брака, латинскими буквами. Если вы её не знаете, отметьте «Не знаю».",
                ),
                "8",
                pattern=LATIN_NAME_PATTERN,
                max_length=100,
                **maiden_cond,
            ),
            maiden_tick,
            field(
                "date_of_birth",
                "date",
                t("Data urodzenia", "Date of birth", "Дата народження", "Дата рождения"),
                t("Tak jak w dokumencie podróży.", "As in your passport.", "Як у паспорті.", "Как в паспорте."),
                "9",
                validators=[{"name": "birth_date", "params": {"min_age": 0, "max_age": 120}}],
                prefill_from_mrz="date_of_birth",
            ),
            field("sex", "choice", t("Płeć", "Sex", "Стать", "Пол"), None, "10", choices=SEX, prefill_from_mrz="sex"),
        ],
    )


def personal_more_step() -> Json:
    """Part A, items 11-20."""
    return step(
        "personal_more",
        "A",
        t(
            "Dane osobowe cudzoziemca (cd.)",
            "Personal data (continued)",
            "Особисті дані (продовження)",
            "Личные данные (продолжение)",
        ),
        [
            field(
                "place_of_birth",
                "text",
                t("Miejsce urodzenia", "Place of birth", "Місце народження", "Место рождения"),
                t(
                    "Miejscowość, literami łacińskimi, tak jak w dokumencie podróży.",
                    "Town or city, in Latin letters, as in your passport.",
                    "Населений пункт, латинськими літерами, як у паспорті.",
                    "Населённый пункт, латинскими буквами, как в паспорте.",
                ),
                "11",
                max_length=100,
            ),
            field(
                "country_of_birth",
                "country",
                t("Państwo urodzenia", "Country of birth", "Країна народження", "Страна рождения"),
                t(
                    "Państwo, w którym leży miejsce urodzenia (jego obecna nazwa).",
                    "The country where you were born (its present name).",
                    "Країна, у якій ви народилися (її теперішня назва).",
                    "Страна, в которой вы родились (её нынешнее название).",
                ),
                "12",
            ),
            field(
                "nationality",
                "text",
                t("Narodowość", "Nationality (ethnic origin)", "Національність", "Национальность"),
                t(
                    "Przynależność narodowa lub etniczna, np. ukraińska. Obywatelstwo podajesz w następnym punkcie.",
                    "Your national or ethnic origin, e.g. Ukrainian. Citizenship is the next item.",
                    "Національна або етнічна приналежність, наприклад, українська. Громадянство — у наступному пункті.",
                    "Национальная или этническая принадлежность, например, украинская. Гражданство — в следующем пункте.",
                ),
                "13",
                max_length=60,
            ),
            field(
                "citizenship",
                "countries",
                t("Obywatelstwo", "Citizenship", "Громадянство", "Гражданство"),
                t(
                    "Wszystkie posiadane obywatelstwa. Jeśli nie masz żadnego, wybierz „bezpaństwowiec”.",
                    "Every citizenship you hold. If you have none, choose “stateless”.",
                    "Усі ваші громадянства. Якщо у вас немає жодного, виберіть «особа без громадянства».",
                    "Все ваши гражданства. Если у вас нет ни одного, выберите «лицо без гражданства».",
                ),
                "14",
                min_items=1,
                max_items=5,
            ),
            field(
                "marital_status",
                "choice",
                t("Stan cywilny", "Marital status", "Сімейний стан", "Семейное положение"),
                None,
                "15",
                choices=MARITAL_STATUS,
            ),
            field(
                "education",
                "choice",
                t("Wykształcenie", "Education", "Освіта", "Образование"),
                t(
                    "Najwyższy ukończony poziom.",
                    "The highest level you completed.",
                    "Найвищий здобутий рівень.",
                    "Наивысший полученный уровень.",
                ),
                "16",
                choices=EDUCATION,
            ),
            field(
                "height_cm",
                "integer",
                t(
                    "Rysopis: wzrost (cm)",
                    "Physical description: height (cm)",
                    "Зовнішність: зріст (см)",
                    "Внешность: рост (см)",
                ),
                None,
                "17",
                min_value=50,
                max_value=250,
            ),
            field(
                "eye_colour",
                "choice",
                t(
                    "Rysopis: kolor oczu",
                    "Physical description: eye colour",
                    "Зовнішність: колір очей",
                    "Внешность: цвет глаз",
                ),
                None,
                "17",
                choices=EYE_COLOUR,
            ),
            field(
                "special_marks",
                "text",
                t(
                    "Rysopis: znaki szczególne",
                    "Physical description: special marks",
                    "Зовнішність: особливі прикмети",
                    "Внешность: особые приметы",
                ),
                t(
                    "Np. blizny, tatuaże. Jeśli nie masz, zaznacz „nie dotyczy”.",
                    "E.g. scars or tattoos. If you have none, tick “not applicable”.",
                    "Наприклад, шрами, татуювання. Якщо їх немає, позначте «не стосується».",
                    "Например, шрамы, татуировки. Если их нет, отметьте «не применимо».",
                ),
                "17",
                not_applicable=True,
                max_length=200,
            ),
            field(
                "pesel",
                "pesel",
                t(
                    "Numer PESEL (jeśli został nadany)",
                    "PESEL number (if you have one)",
                    "Номер PESEL (якщо присвоєно)",
                    "Номер PESEL (если присвоен)",
                ),
                t(
                    "11 cyfr. Jeśli nie masz numeru PESEL, zaznacz „nie dotyczy”.",
                    "11 digits. If you have no PESEL number, tick “not applicable”.",
                    "11 цифр. Якщо у вас немає номера PESEL, позначте «не стосується».",
                    "11 цифр. Если у вас нет номера PESEL, отметьте «не применимо».",
                ),
                "18",
                required=False,
                not_applicable=True,
            ),
            field(
                "phone",
                "phone",
                t("Numer telefonu", "Phone number", "Номер телефону", "Номер телефона"),
                t(
                    "Z numerem kierunkowym kraju, np. +48 600 123 456.",
                    "With the country code, e.g. +48 600 123 456.",
                    "З кодом країни, наприклад, +48 600 123 456.",
                    "С кодом страны, например, +48 600 123 456.",
                ),
                "19",
                required=False,
                not_applicable=True,
            ),
            field(
                "email",
                "email",
                t("Adres e-mail", "E-mail address", "Адреса електронної пошти", "Адрес электронной почты"),
                t(
                    "Na ten adres urząd może wysyłać informacje o sprawie.",
                    "The office may send information about your case to this address.",
                    "На цю адресу установа може надсилати інформацію про вашу справу.",
                    "На этот адрес учреждение может отправлять информацию о вашем деле.",
                ),
                "20",
            ),
        ],
    )


# --- Part B: place of residence ---------------------------------------------------------------------------------


def residence_step() -> Json:
    b = "residence"
    abroad = only_if(is_yes(f"{b}.currently_abroad"))
    return step(
        b,
        "B",
        t("Miejsce pobytu cudzoziemca", "Place of residence", "Місце перебування", "Место пребывания"),
        [
            field(
                "voivodeship",
                "voivodeship",
                t("Województwo", "Voivodeship (province)", "Воєводство", "Воеводство"),
                t(
                    "Województwo, w którym mieszkasz w Polsce. Od niego zależy, który urząd wojewódzki rozpatrzy wniosek.",
                    "The province where you live in Poland. It decides which voivode's office handles your application.",
                    "Воєводство, у якому ви проживаєте в Польщі. Від нього залежить, яке воєводське управління "
                    "розглядатиме заяву.",
                    "Воеводство, в котором вы живёте в Польше. От него зависит, какое воеводское управление "
                    "рассмотрит заявление.",
                ),
            ),
            field(
                "city",
                "text",
                t("Miejscowość", "Town or city", "Населений пункт", "Населённый пункт"),
                None,
                max_length=100,
            ),
            field(
                "street",
                "text",
                t("Ulica", "Street", "Вулиця", "Улица"),
                t(
                    "Jeśli miejscowość nie ma ulic, zaznacz „nie dotyczy”.",
                    "If the place has no street names, tick “not applicable”.",
                    "Якщо в населеному пункті немає вулиць, позначте «не стосується».",
                    "Если в населённом пункте нет улиц, отметьте «не применимо».",
                ),
                required=False,
                not_applicable=True,
                max_length=100,
            ),
            field(
                "house_number",
                "text",
                t("Numer domu", "House number", "Номер будинку", "Номер дома"),
                None,
                max_length=20,
            ),
            field(
                "flat_number",
                "text",
                t("Numer mieszkania", "Flat number", "Номер квартири", "Номер квартиры"),
                t(
                    "Jeśli mieszkasz w domu bez mieszkań, zaznacz „nie dotyczy”.",
                    "If the house has no flats, tick “not applicable”.",
                    "Якщо будинок не має квартир, позначте «не стосується».",
                    "Если в доме нет квартир, отметьте «не применимо».",
                ),
                required=False,
                not_applicable=True,
                max_length=20,
            ),
            field(
                "postal_code",
                "postal_code",
                t("Kod pocztowy", "Postal code", "Поштовий індекс", "Почтовый индекс"),
                t("W formacie 00-000.", "In the format 00-000.", "У форматі 00-000.", "В формате 00-000."),
            ),
            field(
                "currently_abroad",
                "boolean",
                t(
                    "Czy obecnie przebywasz poza terytorium Polski?",
                    "Are you currently outside Poland?",
                    "Чи перебуваєте ви зараз за межами Польщі?",
                    "Находитесь ли вы сейчас за пределами Польши?",
                ),
                t(
                    "Np. przy połączeniu z rodziną. Adres w Polsce powyżej to wtedy zamierzone miejsce pobytu.",
                    "E.g. for family reunification. The address in Poland above is then where you intend to stay.",
                    "Наприклад, при возз'єднанні з сім'єю. Тоді адреса в Польщі вище — це місце запланованого перебування.",
                    "Например, при воссоединении с семьёй. Тогда адрес в Польше выше — место планируемого пребывания.",
                ),
            ),
            field(
                "abroad_country",
                "country",
                t(
                    "Państwo obecnego pobytu",
                    "Country where you are now",
                    "Країна теперішнього перебування",
                    "Страна нынешнего пребывания",
                ),
                None,
                **abroad,
            ),
            field(
                "abroad_address",
                "textarea",
                t(
                    "Adres obecnego pobytu za granicą",
                    "Your current address abroad",
                    "Адреса теперішнього перебування за кордоном",
                    "Адрес нынешнего пребывания за границей",
                ),
                t(
                    "Miejscowość, ulica, numer domu i mieszkania, kod pocztowy.",
                    "Town, street, house and flat number, postal code.",
                    "Населений пункт, вулиця, номер будинку і квартири, поштовий індекс.",
                    "Населённый пункт, улица, номер дома и квартиры, почтовый индекс.",
                ),
                max_length=300,
                **abroad,
            ),
        ],
    )


# --- Part C: travel document ------------------------------------------------------------------------------------


def travel_document_step() -> Json:
    return step(
        "travel_document",
        "C",
        t("Dokument podróży", "Travel document", "Проїзний документ", "Проездной документ"),
        [
            field(
                "travel_documents_count",
                "integer",
                t(
                    "Liczba posiadanych ważnych dokumentów podróży",
                    "Number of valid travel documents you hold",
                    "Кількість ваших дійсних проїзних документів",
                    "Количество ваших действительных проездных документов",
                ),
                None,
                min_value=1,
                max_value=10,
            ),
            field(
                "document_type",
                "choice",
                t(
                    "Rodzaj dokumentu podróży",
                    "Type of travel document",
                    "Вид проїзного документа",
                    "Вид проездного документа",
                ),
                t(
                    "Podaj dane dokumentu, z którym składasz wniosek.",
                    "Give the details of the document you apply with.",
                    "Вкажіть дані документа, з яким ви подаєте заяву.",
                    "Укажите данные документа, с которым вы подаёте заявление.",
                ),
                choices=DOCUMENT_TYPE,
            ),
            field(
                "document_series_number",
                "document_number",
                t("Seria i numer", "Series and number", "Серія і номер", "Серия и номер"),
                t(
                    "Tak jak na stronie ze zdjęciem, bez spacji.",
                    "As on the photo page, without spaces.",
                    "Як на сторінці з фотографією, без пробілів.",
                    "Как на странице с фотографией, без пробелов.",
                ),
                max_length=20,
                prefill_from_mrz="document_number",
            ),
            field(
                "issue_date",
                "date",
                t("Data wydania", "Date of issue", "Дата видачі", "Дата выдачи"),
                None,
                validators=[{"name": "date_not_in_future"}],
            ),
            field(
                "expiry_date",
                "date",
                t("Data ważności", "Date of expiry", "Дійсний до", "Действителен до"),
                t(
                    "Dokument musi być ważny w dniu złożenia wniosku.",
                    "The document must be valid on the day you submit the application.",
                    "Документ має бути дійсним у день подання заяви.",
                    "Документ должен быть действителен в день подачи заявления.",
                ),
                prefill_from_mrz="expiry_date",
            ),
            field(
                "issuing_authority",
                "text",
                t("Organ wydający", "Issuing authority", "Орган, що видав документ", "Орган, выдавший документ"),
                t(
                    "Tak jak w dokumencie, literami łacińskimi.",
                    "As in the document, in Latin letters.",
                    "Як у документі, латинськими літерами.",
                    "Как в документе, латинскими буквами.",
                ),
                max_length=200,
            ),
            field(
                "mrz",
                "mrz",
                t(
                    "Strefa odczytu maszynowego (MRZ)",
                    "Machine-readable zone (MRZ)",
                    "Машинозчитувана зона (MRZ)",
                    "Машиночитаемая зона (MRZ)",
                ),
                t(
                    "Nieobowiązkowe: dwa wiersze ze znakami < u dołu strony ze zdjęciem. Pozwalają sprawdzić dane.",
                    "Optional: the two lines with < signs at the bottom of the photo page. They let us check your data.",
                    "Необов'язково: два рядки зі знаками < унизу сторінки з фотографією. Вони допомагають перевірити дані.",
                    "Необязательно: две строки со знаками < внизу страницы с фотографией. Они помогают проверить данные.",
                ),
                required=False,
            ),
        ],
    )


# --- Part D: the permit applied for (differs per form) ----------------------------------------------------------

JUSTIFICATION = t(
    "Uzasadnienie wniosku", "Justification of the application", "Обґрунтування заяви", "Обоснование заявления"
)
JUSTIFICATION_HELP = t(
    "Napisz krótko, dlaczego chcesz przebywać w Polsce i czym to potwierdzasz.",
    "Explain briefly why you want to stay in Poland and what proves it.",
    "Коротко напишіть, чому ви хочете перебувати в Польщі і чим це підтверджуєте.",
    "Кратко напишите, почему вы хотите пребывать в Польше и чем это подтверждаете.",
)


def purpose_step(work_only: bool = False) -> Json:
    """Part D of the temporary residence forms: purpose, requested period (at most 3 years), justification."""
    d = "purpose"
    if work_only:
        purpose = field(
            "purpose_of_stay",
            "choice",
            t("Cel pobytu", "Purpose of stay", "Мета перебування", "Цель пребывания"),
            t(
                "W tym wniosku celem jest zawsze praca. Pracodawca wypełnia załącznik nr 1.",
                "In this application the purpose is always work. Your employer fills in Annex 1.",
                "У цій заяві метою завжди є робота. Роботодавець заповнює додаток № 1.",
                "В этом заявлении целью всегда является работа. Работодатель заполняет приложение № 1.",
            ),
            choices=[ch for ch in PURPOSE if ch["value"] == "work"],
        )
        purpose_items = [purpose]
    else:
        purpose_items = [
            field(
                "purpose_of_stay",
                "choice",
                t("Cel pobytu", "Purpose of stay", "Мета перебування", "Цель пребывания"),
                t(
                    "Wybierz główny cel, dla którego chcesz przebywać w Polsce.",
                    "Choose the main reason why you want to stay in Poland.",
                    "Виберіть основну мету, з якою ви хочете перебувати в Польщі.",
                    "Выберите основную цель, с которой вы хотите пребывать в Польше.",
                ),
                choices=PURPOSE,
            ),
            field(
                "purpose_other",
                "textarea",
                t(
                    "Opis innego celu pobytu",
                    "Describe the other purpose",
                    "Опис іншої мети перебування",
                    "Описание другой цели пребывания",
                ),
                None,
                max_length=1000,
                **only_if(eq(f"{d}.purpose_of_stay", "other")),
            ),
        ]
    return step(
        d,
        "D",
        t(
            "Informacje dotyczące wniosku",
            "The permit you apply for",
            "Інформація щодо заяви",
            "Информация о заявлении",
        ),
        [
            *purpose_items,
            field(
                "period_from",
                "date",
                t(
                    "Wnioskowany okres pobytu: od",
                    "Requested period of stay: from",
                    "Бажаний строк перебування: з",
                    "Запрашиваемый срок пребывания: с",
                ),
                None,
            ),
            field(
                "period_to",
                "date",
                t(
                    "Wnioskowany okres pobytu: do",
                    "Requested period of stay: to",
                    "Бажаний строк перебування: по",
                    "Запрашиваемый срок пребывания: по",
                ),
                t(
                    "Najwyżej 3 lata od daty początkowej.",
                    "At most 3 years after the start date.",
                    "Не більше 3 років від початкової дати.",
                    "Не более 3 лет от начальной даты.",
                ),
            ),
            field("justification", "textarea", JUSTIFICATION, JUSTIFICATION_HELP, max_length=4000),
        ],
    )


def purpose_rules() -> list[Json]:
    return [
        rule("date_order", start="purpose.period_from", end="purpose.period_to"),
        rule("period_at_most", start="purpose.period_from", end="purpose.period_to", years=3),
    ]


def basis_step() -> Json:
    """Part D of the permanent residence form: the basis."""
    d = "basis"
    return step(
        d,
        "D",
        t(
            "Podstawa ubiegania się o zezwolenie",
            "Basis of the application",
            "Підстава для заяви",
            "Основание для заявления",
        ),
        [
            field(
                "permanent_basis",
                "choice",
                t("Podstawa", "Basis", "Підстава", "Основание"),
                t(
                    "Wybierz podstawę, którą potwierdzisz dokumentami.",
                    "Choose the basis you can prove with documents.",
                    "Виберіть підставу, яку ви підтвердите документами.",
                    "Выберите основание, которое вы подтвердите документами.",
                ),
                choices=PERMANENT_BASIS,
            ),
            field(
                "basis_other",
                "textarea",
                t(
                    "Opis innej podstawy",
                    "Describe the other basis",
                    "Опис іншої підстави",
                    "Описание другого основания",
                ),
                t(
                    "Podaj przepis ustawy, jeśli go znasz.",
                    "Name the provision of the Act, if you know it.",
                    "Вкажіть положення закону, якщо ви його знаєте.",
                    "Укажите положение закона, если вы его знаете.",
                ),
                max_length=1000,
                **only_if(eq(f"{d}.permanent_basis", "other")),
            ),
            field("justification", "textarea", JUSTIFICATION, JUSTIFICATION_HELP, max_length=4000),
        ],
    )


def long_term_stay_step() -> Json:
    """Part D of the EU long-term resident form (1/2): at least 5 years of continuous legal stay."""
    s = "long_term_stay"
    return step(
        s,
        "D",
        t(
            "Nieprzerwany legalny pobyt w Polsce",
            "Continuous legal stay in Poland",
            "Безперервне легальне перебування в Польщі",
            "Непрерывное легальное пребывание в Польше",
        ),
        [
            group(
                "legal_stays",
                t(
                    "Okresy legalnego pobytu w Polsce (co najmniej 5 lat)",
                    "Periods of legal stay in Poland (at least 5 years)",
                    "Періоди легального перебування в Польщі (щонайменше 5 років)",
                    "Периоды легального пребывания в Польше (не менее 5 лет)",
                ),
                t("Okres pobytu", "Period of stay", "Період перебування", "Период пребывания"),
                [
                    field("date_from", "date", DATE_FROM, None, validators=[{"name": "date_not_in_future"}]),
                    field(
                        "date_to",
                        "date",
                        DATE_TO,
                        t(
                            "Przy obecnym pobycie: dzisiejsza data.",
                            "For your current stay: today's date.",
                            "Для теперішнього перебування: сьогоднішня дата.",
                            "Для нынешнего пребывания: сегодняшняя дата.",
                        ),
                        validators=[{"name": "date_not_in_future"}],
                    ),
                    field(
                        "legal_basis",
                        "choice",
                        t("Podstawa pobytu", "Basis of stay", "Підстава перебування", "Основание пребывания"),
                        None,
                        choices=STAY_BASIS,
                    ),
                    field(
                        "legal_basis_other",
                        "text",
                        t("Jaka inna podstawa?", "What other basis?", "Яка інша підстава?", "Какое другое основание?"),
                        None,
                        max_length=200,
                        **only_if(eq(f"{s}.legal_stays.legal_basis", "other")),
                    ),
                ],
                t(
                    "Podaj kolejne okresy od najwcześniejszego, z podstawą pobytu (wiza, zezwolenie itd.).",
                    "List the periods from the earliest, with the basis of each stay (visa, permit, etc.).",
                    "Вкажіть періоди від найранішого, з підставою перебування (віза, дозвіл тощо).",
                    "Укажите периоды начиная с самого раннего, с основанием пребывания (виза, разрешение и т. д.).",
                ),
                min_items=1,
                max_items=30,
            ),
        ],
    )


def long_term_conditions_step() -> Json:
    """Part D of the EU long-term resident form (2/2): income, accommodation, Polish."""
    s = "long_term_conditions"
    return step(
        s,
        "D",
        t(
            "Warunki: dochód, mieszkanie, język polski",
            "Conditions: income, housing, Polish",
            "Умови: дохід, житло, польська мова",
            "Условия: доход, жильё, польский язык",
        ),
        [
            field(
                "income_monthly",
                "decimal",
                t(
                    "Stały i regularny dochód miesięczny (zł)",
                    "Stable and regular monthly income (PLN)",
                    "Стабільний і регулярний щомісячний дохід (злотих)",
                    "Стабильный и регулярный ежемесячный доход (злотых)",
                ),
                t(
                    "Dochód netto wystarczający na utrzymanie Ciebie i osób na Twoim utrzymaniu.",
                    "Net income that covers you and the people who depend on you.",
                    "Чистий дохід, достатній для утримання вас і осіб на вашому утриманні.",
                    "Чистый доход, достаточный для содержания вас и лиц на вашем иждивении.",
                ),
                min_value=0,
            ),
            field(
                "income_source",
                "textarea",
                t("Źródło dochodu", "Source of income", "Джерело доходу", "Источник дохода"),
                t(
                    "Np. umowa o pracę w firmie X od 2019 r.",
                    "E.g. employment contract with company X since 2019.",
                    "Наприклад, трудовий договір з фірмою X з 2019 року.",
                    "Например, трудовой договор с фирмой X с 2019 года.",
                ),
                max_length=1000,
            ),
            field(
                "dependants_count",
                "integer",
                t(
                    "Liczba osób pozostających na utrzymaniu",
                    "Number of people who depend on you",
                    "Кількість осіб на утриманні",
                    "Количество лиц на иждивении",
                ),
                t(
                    "Wpisz 0, jeśli nikt.",
                    "Enter 0 if none.",
                    "Введіть 0, якщо таких немає.",
                    "Введите 0, если таких нет.",
                ),
                min_value=0,
                max_value=30,
            ),
            field(
                "accommodation_title",
                "choice",
                t(
                    "Tytuł prawny do zajmowanego lokalu",
                    "Legal title to your accommodation",
                    "Правова підстава користування житлом",
                    "Правовое основание пользования жильём",
                ),
                None,
                choices=ACCOMMODATION_TITLE,
            ),
            field(
                "accommodation_title_other",
                "text",
                t(
                    "Jaki inny tytuł prawny?",
                    "What other legal title?",
                    "Яка інша правова підстава?",
                    "Какое другое правовое основание?",
                ),
                None,
                max_length=200,
                **only_if(eq(f"{s}.accommodation_title", "other")),
            ),
            field(
                "polish_knowledge",
                "choice",
                t(
                    "Potwierdzenie znajomości języka polskiego",
                    "Proof of knowledge of Polish",
                    "Підтвердження знання польської мови",
                    "Подтверждение знания польского языка",
                ),
                t(
                    "Dołączysz ten dokument w załącznikach.",
                    "You attach this document with the attachments.",
                    "Цей документ ви додасте у додатках.",
                    "Этот документ вы приложите в приложениях.",
                ),
                choices=POLISH_KNOWLEDGE,
            ),
        ],
    )


# --- Part E: additional information -----------------------------------------------------------------------------


def family_step() -> Json:
    e = "family"
    return step(
        e,
        "E",
        t("Członkowie rodziny", "Family members", "Члени сім'ї", "Члены семьи"),
        [
            field(
                "has_family_members",
                "boolean",
                t(
                    "Czy masz członków rodziny (małżonka, dzieci, rodziców)?",
                    "Do you have family members (spouse, children, parents)?",
                    "Чи маєте ви членів сім'ї (чоловіка або дружину, дітей, батьків)?",
                    "Есть ли у вас члены семьи (супруг или супруга, дети, родители)?",
                ),
                t(
                    "Niezależnie od tego, gdzie mieszkają.",
                    "Wherever they live.",
                    "Незалежно від того, де вони живуть.",
                    "Независимо от того, где они живут.",
                ),
            ),
            group(
                "family_members",
                t("Członkowie rodziny", "Family members", "Члени сім'ї", "Члены семьи"),
                t("Członek rodziny", "Family member", "Член сім'ї", "Член семьи"),
                [
                    field(
                        "surname",
                        "name",
                        t("Nazwisko", "Surname", "Прізвище", "Фамилия"),
                        LATIN_HELP,
                        pattern=LATIN_NAME_PATTERN,
                        max_length=100,
                    ),
                    field(
                        "given_names",
                        "name",
                        t("Imię (imiona)", "Given name(s)", "Ім'я (імена)", "Имя (имена)"),
                        LATIN_HELP,
                        pattern=LATIN_NAME_PATTERN,
                        max_length=100,
                    ),
                    field("sex", "choice", t("Płeć", "Sex", "Стать", "Пол"), None, choices=SEX),
                    field(
                        "date_of_birth",
                        "date",
                        t("Data urodzenia", "Date of birth", "Дата народження", "Дата рождения"),
                        None,
                        validators=[{"name": "birth_date", "params": {"min_age": 0, "max_age": 120}}],
                    ),
                    field(
                        "relationship",
                        "choice",
                        t("Stopień pokrewieństwa", "Relationship to you", "Ступінь спорідненості", "Степень родства"),
                        None,
                        choices=RELATIONSHIP,
                    ),
                    field(
                        "citizenship", "country", t("Obywatelstwo", "Citizenship", "Громадянство", "Гражданство"), None
                    ),
                    field(
                        "residence_country",
                        "country",
                        t(
                            "Miejsce zamieszkania: państwo",
                            "Place of residence: country",
                            "Місце проживання: країна",
                            "Место жительства: страна",
                        ),
                        None,
                    ),
                    field(
                        "residence_city",
                        "text",
                        t(
                            "Miejsce zamieszkania: miejscowość",
                            "Place of residence: town",
                            "Місце проживання: населений пункт",
                            "Место жительства: населённый пункт",
                        ),
                        None,
                        max_length=100,
                    ),
                    field(
                        "applies_with_applicant",
                        "boolean",
                        t(
                            "Czy ubiega się o zezwolenie razem z Tobą?",
                            "Is this person applying for a permit with you?",
                            "Чи подає ця особа заяву на дозвіл разом з вами?",
                            "Подаёт ли это лицо заявление на разрешение вместе с вами?",
                        ),
                        None,
                    ),
                    field(
                        "dependent",
                        "boolean",
                        t(
                            "Czy pozostaje na Twoim utrzymaniu?",
                            "Does this person depend on you financially?",
                            "Чи перебуває ця особа на вашому утриманні?",
                            "Находится ли это лицо на вашем иждивении?",
                        ),
                        None,
                    ),
                ],
                min_items=1,
                max_items=20,
                show_if=is_yes(f"{e}.has_family_members"),
            ),
        ],
    )


def stays_step() -> Json:
    e = "stays"
    return step(
        e,
        "E",
        t(
            "Pobyty w Polsce i wyjazdy",
            "Stays in Poland and travels abroad",
            "Перебування в Польщі та виїзди",
            "Пребывание в Польше и выезды",
        ),
        [
            field(
                "has_previous_stays",
                "boolean",
                t(
                    "Czy przebywałeś(-aś) wcześniej w Polsce?",
                    "Have you stayed in Poland before?",
                    "Чи перебували ви раніше в Польщі?",
                    "Пребывали ли вы раньше в Польше?",
                ),
                t(
                    "Licząc obecny pobyt.",
                    "Including your current stay.",
                    "Враховуючи теперішнє перебування.",
                    "Включая нынешнее пребывание.",
                ),
            ),
            group(
                "previous_stays",
                t(
                    "Dotychczasowe pobyty na terytorium Polski",
                    "Previous stays in Poland",
                    "Попередні перебування на території Польщі",
                    "Прежние пребывания на территории Польши",
                ),
                t("Pobyt", "Stay", "Перебування", "Пребывание"),
                [
                    field("date_from", "date", DATE_FROM, None, validators=[{"name": "date_not_in_future"}]),
                    field(
                        "date_to",
                        "date",
                        DATE_TO,
                        t(
                            "Przy obecnym pobycie zostaw puste.",
                            "Leave empty for your current stay.",
                            "Для теперішнього перебування залиште порожнім.",
                            "Для нынешнего пребывания оставьте пустым.",
                        ),
                        required=False,
                        validators=[{"name": "date_not_in_future"}],
                    ),
                    field(
                        "legal_basis",
                        "choice",
                        t("Podstawa pobytu", "Basis of stay", "Підстава перебування", "Основание пребывания"),
                        None,
                        choices=STAY_BASIS,
                    ),
                    field(
                        "legal_basis_other",
                        "text",
                        t("Jaka inna podstawa?", "What other basis?", "Яка інша підстава?", "Какое другое основание?"),
                        None,
                        max_length=200,
                        **only_if(eq(f"{e}.previous_stays.legal_basis", "other")),
                    ),
                ],
                min_items=1,
                max_items=30,
                show_if=is_yes(f"{e}.has_previous_stays"),
            ),
            field(
                "has_travels_abroad",
                "boolean",
                t(
                    "Czy w ciągu ostatnich 5 lat wyjeżdżałeś(-aś) z Polski w czasie pobytu?",
                    "During your stay in the last 5 years, have you travelled outside Poland?",
                    "Чи виїжджали ви з Польщі під час перебування протягом останніх 5 років?",
                    "Выезжали ли вы из Польши во время пребывания за последние 5 лет?",
                ),
                None,
            ),
            group(
                "travels_abroad",
                t(
                    "Wyjazdy poza granice Polski w ostatnich 5 latach",
                    "Travels outside Poland in the last 5 years",
                    "Виїзди за межі Польщі за останні 5 років",
                    "Выезды за пределы Польши за последние 5 лет",
                ),
                t("Wyjazd", "Travel", "Виїзд", "Выезд"),
                [
                    field("country", "country", t("Państwo", "Country", "Країна", "Страна"), None),
                    field("date_from", "date", DATE_FROM, None, validators=[{"name": "date_not_in_future"}]),
                    field("date_to", "date", DATE_TO, None, validators=[{"name": "date_not_in_future"}]),
                ],
                min_items=1,
                max_items=50,
                show_if=is_yes(f"{e}.has_travels_abroad"),
            ),
        ],
    )


def means_step() -> Json:
    e = "means"
    return step(
        e,
        "E",
        t(
            "Utrzymanie, ubezpieczenie, postępowania",
            "Means, insurance, proceedings",
            "Засоби, страхування, провадження",
            "Средства, страхование, производства",
        ),
        [
            field(
                "means_amount",
                "decimal",
                t(
                    "Środki utrzymania: kwota miesięcznie (zł)",
                    "Means of subsistence: amount per month (PLN)",
                    "Засоби для існування: сума на місяць (злотих)",
                    "Средства к существованию: сумма в месяц (злотых)",
                ),
                t(
                    "Ile pieniędzy masz miesięcznie na życie w Polsce.",
                    "How much money you have each month to live on in Poland.",
                    "Скільки грошей на місяць ви маєте на життя в Польщі.",
                    "Сколько денег в месяц у вас есть на жизнь в Польше.",
                ),
                min_value=0,
            ),
            field(
                "means_source",
                "textarea",
                t(
                    "Środki utrzymania: źródło",
                    "Means of subsistence: source",
                    "Засоби для існування: джерело",
                    "Средства к существованию: источник",
                ),
                t(
                    "Np. wynagrodzenie, stypendium, oszczędności, pomoc rodziny.",
                    "E.g. salary, scholarship, savings, support from family.",
                    "Наприклад, заробітна плата, стипендія, заощадження, допомога родини.",
                    "Например, заработная плата, стипендия, сбережения, помощь семьи.",
                ),
                max_length=1000,
            ),
            field(
                "has_health_insurance",
                "boolean",
                t(
                    "Czy masz ubezpieczenie zdrowotne?",
                    "Do you have health insurance?",
                    "Чи маєте ви медичне страхування?",
                    "Есть ли у вас медицинская страховка?",
                ),
                t(
                    "Np. w NFZ albo polisę prywatną ważną w Polsce.",
                    "E.g. with NFZ or a private policy valid in Poland.",
                    "Наприклад, у NFZ або приватний поліс, дійсний у Польщі.",
                    "Например, в NFZ или частный полис, действующий в Польше.",
                ),
            ),
            field(
                "insurer",
                "text",
                t("Ubezpieczyciel", "Insurer", "Страховик", "Страховщик"),
                t(
                    "Nazwa instytucji lub firmy ubezpieczeniowej.",
                    "Name of the institution or insurance company.",
                    "Назва установи або страхової компанії.",
                    "Название учреждения или страховой компании.",
                ),
                max_length=200,
                **only_if(is_yes(f"{e}.has_health_insurance")),
            ),
            *yes_no_with_details(
                "convicted_in_poland",
                t(
                    "Czy byłeś(-aś) skazany(-a) w Polsce?",
                    "Have you been convicted in Poland?",
                    "Чи були ви засуджені в Польщі?",
                    "Были ли вы осуждены в Польше?",
                ),
                "conviction_details",
                t("Szczegóły skazania", "Details of the conviction", "Подробиці засудження", "Подробности осуждения"),
                e,
            ),
            *yes_no_with_details(
                "criminal_proceedings",
                t(
                    "Czy toczy się przeciwko Tobie postępowanie karne lub karne skarbowe?",
                    "Are criminal or fiscal criminal proceedings pending against you?",
                    "Чи ведеться щодо вас кримінальне або кримінально-фіскальне провадження?",
                    "Ведётся ли в отношении вас уголовное или уголовно-фискальное производство?",
                ),
                "proceedings_details",
                t(
                    "Szczegóły postępowania",
                    "Details of the proceedings",
                    "Подробиці провадження",
                    "Подробности производства",
                ),
                e,
            ),
            *yes_no_with_details(
                "court_liabilities",
                t(
                    "Czy masz zobowiązania wynikające z orzeczeń sądu lub organu?",
                    "Do you have liabilities imposed by a court or an authority?",
                    "Чи маєте ви зобов'язання, що випливають із рішень суду або органу влади?",
                    "Есть ли у вас обязательства, вытекающие из решений суда или органа власти?",
                ),
                "liabilities_details",
                t(
                    "Szczegóły zobowiązań",
                    "Details of the liabilities",
                    "Подробиці зобов'язань",
                    "Подробности обязательств",
                ),
                e,
                help_=t(
                    "Np. alimenty, grzywny, koszty postępowania.",
                    "E.g. maintenance, fines, costs of proceedings.",
                    "Наприклад, аліменти, штрафи, судові витрати.",
                    "Например, алименты, штрафы, судебные издержки.",
                ),
            ),
            field(
                "tax_arrears",
                "boolean",
                t(
                    "Czy masz zaległości podatkowe?",
                    "Do you have tax arrears?",
                    "Чи маєте ви податкову заборгованість?",
                    "Есть ли у вас налоговая задолженность?",
                ),
                None,
            ),
        ],
        intro=YES_NO_INTRO,
    )


# --- Part F: declaration ----------------------------------------------------------------------------------------

FALSE_STATEMENT = t(
    "Jestem świadomy(-a) odpowiedzialności karnej za złożenie fałszywego oświadczenia (art. 233 § 6 Kodeksu "
    "karnego). Oświadczam, że dane podane we wniosku są zgodne z prawdą.",
    "I am aware of criminal liability for making a false statement (Article 233 § 6 of the Polish Criminal Code). "
    "I declare that the information in this application is true.",
    "Я усвідомлюю кримінальну відповідальність за подання неправдивої заяви (ст. 233 § 6 Кримінального кодексу "
    "Польщі). Заявляю, що відомості, наведені в заяві, відповідають дійсності.",
    "Я осознаю уголовную ответственность за дачу ложного заявления (ст. 233 § 6 Уголовного кодекса Польши). "
    "Заявляю, что сведения, указанные в заявлении, соответствуют действительности.",
)
FALSE_STATEMENT_HELP = t(
    "Za fałszywe oświadczenie grozi kara pozbawienia wolności od 6 miesięcy do 8 lat.",
    "A false statement is punishable by imprisonment from 6 months to 8 years.",
    "За неправдиву заяву загрожує позбавлення волі від 6 місяців до 8 років.",
    "За ложное заявление грозит лишение свободы на срок от 6 месяцев до 8 лет.",
)


def declaration_step() -> Json:
    return step(
        "declaration",
        "F",
        t("Oświadczenie", "Declaration", "Підтвердження", "Подтверждение"),
        [
            field("declaration_false_statement", "declaration", FALSE_STATEMENT, FALSE_STATEMENT_HELP),
        ],
        intro=t(
            "Sprawdź odpowiedzi przed wysłaniem. Datą wniosku jest dzień jego złożenia.",
            "Check your answers before you send. The date of the application is the day you submit it.",
            "Перевірте відповіді перед надсиланням. Датою заяви є день її подання.",
            "Проверьте ответы перед отправкой. Датой заявления является день его подачи.",
        ),
    )


# --- Attachments ------------------------------------------------------------------------------------------------

IMAGES = ["image/jpeg", "image/png"]


def photo() -> Json:
    return attachment(
        "photo",
        t("Fotografia", "Photograph", "Фотографія", "Фотография"),
        t(
            "Aktualne, kolorowe zdjęcie jak do dowodu (35×45 mm), na jasnym tle; plik JPEG lub PNG, co najmniej "
            "492×633 piksele.",
            "A recent colour photo like for an ID card (35×45 mm), on a light background; JPEG or PNG, at least "
            "492×633 pixels.",
            "Актуальне кольорове фото як на посвідчення (35×45 мм), на світлому фоні; файл JPEG або PNG, щонайменше "
            "492×633 пікселів.",
            "Актуальное цветное фото как на удостоверение (35×45 мм), на светлом фоне; файл JPEG или PNG, не менее "
            "492×633 пикселей.",
        ),
        accept=IMAGES,
        max_size_mb=5,
        validators=[{"name": "photo_dimensions", "params": {"min_width": 492, "min_height": 633}}],
    )


def travel_document_copy() -> Json:
    return attachment(
        "travel_document_copy",
        t(
            "Kopia dokumentu podróży",
            "Copy of the travel document",
            "Копія проїзного документа",
            "Копия проездного документа",
        ),
        t(
            "Wszystkie zapisane strony paszportu (skan lub zdjęcie).",
            "Every page of the passport with entries (scan or photo).",
            "Усі заповнені сторінки паспорта (скан або фото).",
            "Все заполненные страницы паспорта (скан или фото).",
        ),
        multiple=True,
    )


def purpose_documents(label: Json, help_: Json) -> Json:
    return attachment("purpose_documents", label, help_, multiple=True)


def health_insurance(required_if_insured: bool = True) -> Json:
    insured = is_yes("means.has_health_insurance")
    extra: Json = {"required": False, "required_if": insured} if required_if_insured else {}
    return attachment(
        "health_insurance",
        t("Ubezpieczenie zdrowotne", "Health insurance", "Медичне страхування", "Медицинская страховка"),
        t(
            "Polisa albo zaświadczenie z NFZ.",
            "The policy or a certificate from NFZ.",
            "Поліс або довідка з NFZ.",
            "Полис или справка из NFZ.",
        ),
        multiple=True,
        **extra,
    )


def means_proof() -> Json:
    return attachment(
        "means_proof",
        t(
            "Dokumenty potwierdzające środki utrzymania",
            "Proof of means of subsistence",
            "Документи, що підтверджують засоби для існування",
            "Документы, подтверждающие средства к существованию",
        ),
        t(
            "Np. wyciąg z konta, umowa, zaświadczenie o stypendium.",
            "E.g. a bank statement, a contract, a scholarship letter.",
            "Наприклад, виписка з рахунку, договір, довідка про стипендію.",
            "Например, выписка со счёта, договор, справка о стипендии.",
        ),
        multiple=True,
    )


def stamp_duty_proof() -> Json:
    return attachment(
        "stamp_duty_proof",
        t(
            "Dowód uiszczenia opłaty skarbowej",
            "Proof of payment of the stamp duty",
            "Підтвердження сплати гербового збору",
            "Подтверждение уплаты гербового сбора",
        ),
        t(
            "Potwierdzenie przelewu lub wpłaty.",
            "The transfer or payment confirmation.",
            "Підтвердження переказу або оплати.",
            "Подтверждение перевода или оплаты.",
        ),
    )


def other_documents() -> Json:
    return attachment(
        "other",
        t("Inne dokumenty", "Other documents", "Інші документи", "Другие документы"),
        t(
            "Wszystko, co jeszcze potwierdza Twoją sytuację.",
            "Anything else that supports your case.",
            "Усе інше, що підтверджує вашу ситуацію.",
            "Всё остальное, что подтверждает вашу ситуацию.",
        ),
        required=False,
        multiple=True,
    )


# --- Rules shared by the main forms -----------------------------------------------------------------------------


def common_rules() -> list[Json]:
    # mrz_matches has no `nationality` role here: citizenship (item 14) is a list of codes, and the rule compares one
    # code, so the nationality in the MRZ is not compared with the answers.
    return [
        rule(
            "pesel_matches_birth_and_sex",
            pesel="personal_more.pesel",
            date_of_birth="personal.date_of_birth",
            sex="personal.sex",
        ),
        rule("date_order", start="travel_document.issue_date", end="travel_document.expiry_date"),
        rule("valid_on_submission", expiry="travel_document.expiry_date"),
        rule(
            "mrz_matches",
            mrz="travel_document.mrz",
            surname="personal.surname",
            given_names="personal.given_names",
            date_of_birth="personal.date_of_birth",
            sex="personal.sex",
            expiry_date="travel_document.expiry_date",
            document_number="travel_document.document_series_number",
        ),
        rule("date_order", start="stays.previous_stays.date_from", end="stays.previous_stays.date_to"),
        rule("date_order", start="stays.travels_abroad.date_from", end="stays.travels_abroad.date_to"),
    ]


# --- The forms --------------------------------------------------------------------------------------------------


def main_form(
    slug: str,
    permit_type: str,
    title: Json,
    description: Json,
    part_d: list[Json],
    attachments: list[Json],
    rules: list[Json],
) -> Json:
    """A main application form: parts A-C and E-F shared, part D and attachments per form."""
    return {
        "slug": slug,
        "version": VERSION,
        "permit_type": permit_type,
        "layout": LAYOUT,
        "title": title,
        "description": description,
        "steps": [
            personal_step(),
            personal_more_step(),
            residence_step(),
            travel_document_step(),
            *part_d,
            family_step(),
            stays_step(),
            means_step(),
            declaration_step(),
        ],
        "attachments": attachments,
        "rules": common_rules() + rules,
    }


def temporary_residence() -> Json:
    return main_form(
        "temporary-residence",
        "temporary-residence",
        t(
            "Wniosek o udzielenie zezwolenia na pobyt czasowy",
            "Application for a temporary residence permit",
            "Заява про надання дозволу на тимчасове перебування",
            "Заявление о предоставлении разрешения на временное пребывание",
        ),
        t(
            "Dla osób, które chcą przebywać w Polsce dłużej niż 3 miesiące, najwyżej 3 lata.",
            "For people who want to stay in Poland for more than 3 months and up to 3 years.",
            "Для осіб, які хочуть перебувати в Польщі довше 3 місяців, але не більше 3 років.",
            "Для лиц, которые хотят пребывать в Польше дольше 3 месяцев, но не более 3 лет.",
        ),
        [purpose_step()],
        [
            photo(),
            travel_document_copy(),
            purpose_documents(
                t(
                    "Dokumenty potwierdzające cel pobytu",
                    "Documents confirming the purpose of stay",
                    "Документи, що підтверджують мету перебування",
                    "Документы, подтверждающие цель пребывания",
                ),
                t(
                    "Np. zaświadczenie z uczelni, akt małżeństwa, umowa.",
                    "E.g. a letter from your university, a marriage certificate, a contract.",
                    "Наприклад, довідка з університету, свідоцтво про шлюб, договір.",
                    "Например, справка из университета, свидетельство о браке, договор.",
                ),
            ),
            health_insurance(),
            means_proof(),
            stamp_duty_proof(),
            other_documents(),
        ],
        purpose_rules(),
    )


def temporary_residence_work() -> Json:
    return main_form(
        "temporary-residence-work",
        "temporary-residence-work",
        t(
            "Wniosek o udzielenie zezwolenia na pobyt czasowy i pracę",
            "Application for a temporary residence and work permit",
            "Заява про надання дозволу на тимчасове перебування та роботу",
            "Заявление о предоставлении разрешения на временное пребывание и работу",
        ),
        t(
            "Cel pobytu: praca. Do wniosku potrzebny jest załącznik nr 1, który pracodawca wypełnia online i łączy "
            "z Twoim wnioskiem.",
            "Purpose of stay: work. The application needs Annex 1, which your employer fills in online and links to "
            "your application.",
            "Мета перебування: робота. До заяви потрібен додаток № 1, який роботодавець заповнює онлайн і "
            "пов'язує з вашою заявою.",
            "Цель пребывания: работа. К заявлению нужно приложение № 1, которое работодатель заполняет онлайн и "
            "связывает с вашим заявлением.",
        ),
        [purpose_step(work_only=True)],
        [
            photo(),
            travel_document_copy(),
            purpose_documents(
                t(
                    "Dokumenty dotyczące pracy",
                    "Documents about the work",
                    "Документи щодо роботи",
                    "Документы о работе",
                ),
                t(
                    "Np. umowa o pracę lub umowa zlecenia, informacja starosty, jeśli jest wymagana.",
                    "E.g. the employment contract or contract of mandate; the starost's information if required.",
                    "Наприклад, трудовий договір або договір доручення; інформація старости, якщо потрібна.",
                    "Например, трудовой договор или договор поручения; информация старосты, если нужна.",
                ),
            ),
            health_insurance(),
            stamp_duty_proof(),
            other_documents(),
        ],
        purpose_rules(),
    )


def permanent_residence() -> Json:
    return main_form(
        "permanent-residence",
        "permanent-residence",
        t(
            "Wniosek o udzielenie zezwolenia na pobyt stały",
            "Application for a permanent residence permit",
            "Заява про надання дозволу на постійне перебування",
            "Заявление о предоставлении разрешения на постоянное пребывание",
        ),
        t(
            "Dla osób związanych z Polską: pochodzenie polskie, Karta Polaka, małżeństwo z obywatelem polskim, "
            "ochrona międzynarodowa i inne podstawy z ustawy.",
            "For people with close ties to Poland: Polish origin, the Pole's Card, marriage to a Polish citizen, "
            "international protection and other bases in the Act.",
            "Для осіб, пов'язаних із Польщею: польське походження, Карта поляка, шлюб із громадянином Польщі, "
            "міжнародний захист та інші підстави із закону.",
            "Для лиц, связанных с Польшей: польское происхождение, Карта поляка, брак с гражданином Польши, "
            "международная защита и другие основания из закона.",
        ),
        [basis_step()],
        [
            photo(),
            travel_document_copy(),
            purpose_documents(
                t(
                    "Dokumenty potwierdzające podstawę",
                    "Documents confirming the basis",
                    "Документи, що підтверджують підставу",
                    "Документы, подтверждающие основание",
                ),
                t(
                    "Np. Karta Polaka, akt małżeństwa, akt urodzenia, decyzja o nadaniu ochrony.",
                    "E.g. the Pole's Card, a marriage or birth certificate, the decision granting protection.",
                    "Наприклад, Карта поляка, свідоцтво про шлюб або народження, рішення про надання захисту.",
                    "Например, Карта поляка, свидетельство о браке или рождении, решение о предоставлении защиты.",
                ),
            ),
            health_insurance(),
            stamp_duty_proof(),
            other_documents(),
        ],
        [],
    )


def eu_long_term_resident() -> Json:
    def doc(key: str, label: Json, help_: Json) -> Json:
        return attachment(key, label, help_, multiple=True)

    return main_form(
        "eu-long-term-resident",
        "eu-long-term-resident",
        t(
            "Wniosek o udzielenie zezwolenia na pobyt rezydenta długoterminowego UE",
            "Application for an EU long-term resident's permit",
            "Заява про надання дозволу на перебування довгострокового резидента ЄС",
            "Заявление о предоставлении разрешения на пребывание долгосрочного резидента ЕС",
        ),
        t(
            "Dla osób, które legalnie i nieprzerwanie przebywają w Polsce co najmniej 5 lat i mają stały dochód.",
            "For people who have stayed in Poland legally and without a break for at least 5 years and have a "
            "stable income.",
            "Для осіб, які легально і безперервно перебувають у Польщі щонайменше 5 років і мають стабільний дохід.",
            "Для лиц, которые легально и непрерывно пребывают в Польше не менее 5 лет и имеют стабильный доход.",
        ),
        [long_term_stay_step(), long_term_conditions_step()],
        [
            photo(),
            travel_document_copy(),
            doc(
                "stay_proof",
                t(
                    "Dokumenty potwierdzające 5 lat pobytu",
                    "Proof of 5 years' stay",
                    "Документи, що підтверджують 5 років перебування",
                    "Документы, подтверждающие 5 лет пребывания",
                ),
                t(
                    "Np. karty pobytu, decyzje, wizy, stemple w paszporcie.",
                    "E.g. residence cards, decisions, visas, passport stamps.",
                    "Наприклад, карти побиту, рішення, візи, штампи в паспорті.",
                    "Например, карты побыту, решения, визы, штампы в паспорте.",
                ),
            ),
            doc(
                "income_proof",
                t(
                    "Dokumenty potwierdzające dochód",
                    "Proof of income",
                    "Документи, що підтверджують дохід",
                    "Документы, подтверждающие доход",
                ),
                t(
                    "Za ostatnie 3 lata, np. PIT, zaświadczenie o zarobkach.",
                    "For the last 3 years, e.g. tax returns (PIT), a salary certificate.",
                    "За останні 3 роки, наприклад, PIT, довідка про заробітну плату.",
                    "За последние 3 года, например, PIT, справка о заработной плате.",
                ),
            ),
            health_insurance(required_if_insured=False),
            doc(
                "accommodation_title",
                t(
                    "Tytuł prawny do lokalu",
                    "Legal title to the accommodation",
                    "Правова підстава користування житлом",
                    "Правовое основание пользования жильём",
                ),
                t(
                    "Np. umowa najmu, akt własności.",
                    "E.g. a tenancy agreement, a title deed.",
                    "Наприклад, договір оренди, документ про право власності.",
                    "Например, договор аренды, документ о праве собственности.",
                ),
            ),
            doc(
                "polish_certificate",
                t(
                    "Potwierdzenie znajomości języka polskiego",
                    "Proof of knowledge of Polish",
                    "Підтвердження знання польської мови",
                    "Подтверждение знания польского языка",
                ),
                t(
                    "Certyfikat co najmniej B1 albo świadectwo lub dyplom szkoły w Polsce.",
                    "A certificate of at least B1, or a school certificate or diploma from Poland.",
                    "Сертифікат щонайменше B1 або свідоцтво чи диплом школи в Польщі.",
                    "Сертификат не ниже B1 или аттестат либо диплом школы в Польше.",
                ),
            ),
            stamp_duty_proof(),
            other_documents(),
        ],
        [rule("date_order", start="long_term_stay.legal_stays.date_from", end="long_term_stay.legal_stays.date_to")],
    )


# --- Annex 1: filled by the employer ----------------------------------------------------------------------------


def annex_employer_step() -> Json:
    return step(
        "employer",
        "1",
        t(
            "Podmiot powierzający wykonywanie pracy",
            "The employer",
            "Суб'єкт, що доручає виконання роботи",
            "Субъект, поручающий выполнение работы",
        ),
        [
            field(
                "employer_name",
                "text",
                t(
                    "Nazwa albo imię i nazwisko",
                    "Name (or first name and surname)",
                    "Назва або ім'я та прізвище",
                    "Название или имя и фамилия",
                ),
                t(
                    "Pełna nazwa firmy, a dla osoby fizycznej imię i nazwisko.",
                    "The full company name; for a natural person, first name and surname.",
                    "Повна назва фірми, а для фізичної особи — ім'я та прізвище.",
                    "Полное название фирмы, а для физического лица — имя и фамилия.",
                ),
                max_length=300,
            ),
            field(
                "employer_kind",
                "choice",
                t("Rodzaj podmiotu", "Type of employer", "Вид суб'єкта", "Вид субъекта"),
                None,
                choices=EMPLOYER_KIND,
            ),
            field(
                "city",
                "text",
                t(
                    "Adres siedziby lub zamieszkania: miejscowość",
                    "Address of seat or residence: town",
                    "Адреса місцезнаходження або проживання: населений пункт",
                    "Адрес местонахождения или проживания: населённый пункт",
                ),
                None,
                max_length=100,
            ),
            field(
                "street",
                "text",
                t("Ulica", "Street", "Вулиця", "Улица"),
                None,
                required=False,
                not_applicable=True,
                max_length=100,
            ),
            field(
                "house_number",
                "text",
                t("Numer domu", "House number", "Номер будинку", "Номер дома"),
                None,
                max_length=20,
            ),
            field(
                "flat_number",
                "text",
                t("Numer lokalu", "Flat or unit number", "Номер приміщення", "Номер помещения"),
                None,
                required=False,
                not_applicable=True,
                max_length=20,
            ),
            field(
                "postal_code",
                "postal_code",
                t("Kod pocztowy", "Postal code", "Поштовий індекс", "Почтовый индекс"),
                t("W formacie 00-000.", "In the format 00-000.", "У форматі 00-000.", "В формате 00-000."),
            ),
            field("phone", "phone", t("Numer telefonu", "Phone number", "Номер телефону", "Номер телефона"), None),
            field(
                "email",
                "email",
                t("Adres e-mail", "E-mail address", "Адреса електронної пошти", "Адрес электронной почты"),
                None,
            ),
        ],
    )


def annex_identity_step() -> Json:
    s = "employer_identity"
    registered = only_if(eq("employer.employer_kind", "registered"))
    natural = only_if(eq("employer.employer_kind", "natural_person"))
    agency = only_if(is_yes(f"{s}.is_temp_agency"))
    return step(
        s,
        "1",
        t(
            "Podstawa działalności i identyfikatory",
            "Legal basis and identifiers",
            "Підстава діяльності та ідентифікатори",
            "Основание деятельности и идентификаторы",
        ),
        [
            field(
                "legal_form",
                "text",
                t("Forma prawna", "Legal form", "Організаційно-правова форма", "Организационно-правовая форма"),
                t(
                    "Np. spółka z o.o., jednoosobowa działalność gospodarcza.",
                    "E.g. limited liability company (sp. z o.o.), sole proprietorship.",
                    "Наприклад, sp. z o.o., одноосібна підприємницька діяльність.",
                    "Например, sp. z o.o., индивидуальная предпринимательская деятельность.",
                ),
                max_length=100,
                **registered,
            ),
            field(
                "register_name",
                "text",
                t("Nazwa rejestru", "Name of the register", "Назва реєстру", "Название реестра"),
                t(
                    "Np. Krajowy Rejestr Sądowy, CEIDG.",
                    "E.g. National Court Register (KRS), CEIDG.",
                    "Наприклад, Національний судовий реєстр (KRS), CEIDG.",
                    "Например, Национальный судебный реестр (KRS), CEIDG.",
                ),
                max_length=200,
                **registered,
            ),
            field(
                "register_number",
                "text",
                t(
                    "Numer wpisu do rejestru",
                    "Entry number in the register",
                    "Номер запису в реєстрі",
                    "Номер записи в реестре",
                ),
                None,
                max_length=50,
                **registered,
            ),
            field(
                "nip",
                "text",
                t("NIP", "Tax identification number (NIP)", "NIP (податковий номер)", "NIP (налоговый номер)"),
                t(
                    "10 cyfr, bez kresek.",
                    "10 digits, without dashes.",
                    "10 цифр, без дефісів.",
                    "10 цифр, без дефисов.",
                ),
                validators=[{"name": "nip"}],
                **registered,
            ),
            field(
                "regon",
                "text",
                t("REGON", "Statistical number (REGON)", "REGON (статистичний номер)", "REGON (статистический номер)"),
                t("9 albo 14 cyfr.", "9 or 14 digits.", "9 або 14 цифр.", "9 или 14 цифр."),
                validators=[{"name": "regon"}],
                **registered,
            ),
            field(
                "krs",
                "text",
                t("Numer KRS", "KRS number", "Номер KRS", "Номер KRS"),
                t(
                    "10 cyfr. Jeśli podmiotu nie ma w KRS, zaznacz „nie dotyczy”.",
                    "10 digits. If the employer is not in the KRS, tick “not applicable”.",
                    "10 цифр. Якщо суб'єкта немає в KRS, позначте «не стосується».",
                    "10 цифр. Если субъекта нет в KRS, отметьте «не применимо».",
                ),
                not_applicable=True,
                validators=[{"name": "krs"}],
                **registered,
            ),
            field(
                "pkd_code",
                "text",
                t(
                    "Przeważający rodzaj działalności (kod PKD)",
                    "Main business activity (PKD code)",
                    "Основний вид діяльності (код PKD)",
                    "Основной вид деятельности (код PKD)",
                ),
                t("Np. 62.01.Z.", "E.g. 62.01.Z.", "Наприклад, 62.01.Z.", "Например, 62.01.Z."),
                validators=[{"name": "pkd_code"}],
                **registered,
            ),
            field("pesel", "pesel", t("Numer PESEL", "PESEL number", "Номер PESEL", "Номер PESEL"), None, **natural),
            field(
                "identity_document",
                "text",
                t(
                    "Dokument tożsamości: nazwa, seria i numer",
                    "Identity document: type, series and number",
                    "Документ, що посвідчує особу: назва, серія і номер",
                    "Документ, удостоверяющий личность: название, серия и номер",
                ),
                t(
                    "Np. dowód osobisty ABC123456.",
                    "E.g. identity card ABC123456.",
                    "Наприклад, ID-картка ABC123456.",
                    "Например, удостоверение личности ABC123456.",
                ),
                max_length=100,
                **natural,
            ),
            field(
                "employees_count",
                "integer",
                t(
                    "Liczba zatrudnionych pracowników",
                    "Number of employees",
                    "Кількість працівників",
                    "Количество работников",
                ),
                t("Wpisz 0, jeśli nikogo.", "Enter 0 if none.", "Введіть 0, якщо немає.", "Введите 0, если нет."),
                min_value=0,
                max_value=1000000,
            ),
            field(
                "is_temp_agency",
                "boolean",
                t(
                    "Czy podmiot jest agencją pracy tymczasowej?",
                    "Is the employer a temporary-work agency?",
                    "Чи є суб'єкт агентством тимчасової роботи?",
                    "Является ли субъект агентством временной работы?",
                ),
                None,
            ),
            field(
                "user_employer_name",
                "text",
                t(
                    "Pracodawca użytkownik: nazwa",
                    "User employer: name",
                    "Роботодавець-користувач: назва",
                    "Работодатель-пользователь: название",
                ),
                None,
                max_length=300,
                **agency,
            ),
            field(
                "user_employer_address",
                "textarea",
                t(
                    "Pracodawca użytkownik: adres siedziby",
                    "User employer: address of seat",
                    "Роботодавець-користувач: адреса",
                    "Работодатель-пользователь: адрес",
                ),
                None,
                max_length=300,
                **agency,
            ),
        ],
    )


def annex_foreigner_step() -> Json:
    return step(
        "foreigner",
        "2",
        t("Dane cudzoziemca", "The foreign worker", "Дані іноземця", "Данные иностранца"),
        [
            field(
                "surname",
                "name",
                t("Nazwisko", "Surname", "Прізвище", "Фамилия"),
                LATIN_HELP,
                pattern=LATIN_NAME_PATTERN,
                max_length=100,
            ),
            field(
                "given_names",
                "name",
                t("Imię (imiona)", "Given name(s)", "Ім'я (імена)", "Имя (имена)"),
                LATIN_HELP,
                pattern=LATIN_NAME_PATTERN,
                max_length=100,
            ),
            field(
                "date_of_birth",
                "date",
                t("Data urodzenia", "Date of birth", "Дата народження", "Дата рождения"),
                None,
                validators=[{"name": "birth_date", "params": {"min_age": 15, "max_age": 100}}],
            ),
            field("citizenship", "country", t("Obywatelstwo", "Citizenship", "Громадянство", "Гражданство"), None),
            field(
                "document_number",
                "document_number",
                t(
                    "Dokument podróży: seria i numer",
                    "Travel document: series and number",
                    "Проїзний документ: серія і номер",
                    "Проездной документ: серия и номер",
                ),
                None,
                max_length=20,
            ),
        ],
    )


def annex_work_step() -> Json:
    s = "work"
    return step(
        s,
        "3",
        t("Praca powierzona cudzoziemcowi", "The work", "Робота, доручена іноземцю", "Работа, поручаемая иностранцу"),
        [
            field("position", "text", t("Stanowisko", "Position", "Посада", "Должность"), None, max_length=200),
            field(
                "occupation_code",
                "text",
                t("Kod zawodu", "Occupation code", "Код професії", "Код профессии"),
                t(
                    "6 cyfr według klasyfikacji zawodów i specjalności.",
                    "6 digits from the Polish classification of occupations.",
                    "6 цифр за польською класифікацією професій.",
                    "6 цифр по польской классификации профессий.",
                ),
                validators=[{"name": "occupation_code"}],
            ),
            group(
                "workplaces",
                t(
                    "Miejsce (miejsca) wykonywania pracy",
                    "Place(s) of work",
                    "Місце (місця) роботи",
                    "Место (места) работы",
                ),
                t("Miejsce pracy", "Place of work", "Місце роботи", "Место работы"),
                [
                    field(
                        "city",
                        "text",
                        t("Miejscowość", "Town or city", "Населений пункт", "Населённый пункт"),
                        None,
                        max_length=100,
                    ),
                    field(
                        "street",
                        "text",
                        t("Ulica", "Street", "Вулиця", "Улица"),
                        None,
                        required=False,
                        not_applicable=True,
                        max_length=100,
                    ),
                    field(
                        "house_number",
                        "text",
                        t("Numer domu", "House number", "Номер будинку", "Номер дома"),
                        None,
                        max_length=20,
                    ),
                    field(
                        "postal_code",
                        "postal_code",
                        t("Kod pocztowy", "Postal code", "Поштовий індекс", "Почтовый индекс"),
                        None,
                    ),
                ],
                min_items=1,
                max_items=20,
            ),
            field(
                "duties",
                "textarea",
                t("Zakres obowiązków", "Duties", "Обсяг обов'язків", "Круг обязанностей"),
                None,
                max_length=2000,
            ),
            field(
                "requires_qualifications",
                "boolean",
                t(
                    "Czy praca wymaga kwalifikacji?",
                    "Does the work require qualifications?",
                    "Чи потребує робота кваліфікації?",
                    "Требует ли работа квалификации?",
                ),
                None,
            ),
            field(
                "qualifications",
                "textarea",
                t(
                    "Wymagane kwalifikacje",
                    "Required qualifications",
                    "Необхідна кваліфікація",
                    "Необходимая квалификация",
                ),
                t(
                    "Np. wykształcenie, uprawnienia, doświadczenie.",
                    "E.g. education, licences, experience.",
                    "Наприклад, освіта, допуски, досвід.",
                    "Например, образование, допуски, опыт.",
                ),
                max_length=1000,
                **only_if(is_yes(f"{s}.requires_qualifications")),
            ),
        ],
    )


def annex_terms_step() -> Json:
    s = "work_terms"
    return step(
        s,
        "3",
        t("Warunki pracy", "Terms of the work", "Умови роботи", "Условия работы"),
        [
            field(
                "contract_type",
                "choice",
                t(
                    "Podstawa prawna wykonywania pracy",
                    "Legal basis of the work",
                    "Правова підстава виконання роботи",
                    "Правовое основание выполнения работы",
                ),
                None,
                choices=CONTRACT_TYPE,
            ),
            field(
                "contract_other",
                "text",
                t("Jaka inna podstawa?", "What other basis?", "Яка інша підстава?", "Какое другое основание?"),
                None,
                max_length=200,
                **only_if(eq(f"{s}.contract_type", "other")),
            ),
            field(
                "working_time_fraction",
                "decimal",
                t(
                    "Wymiar czasu pracy (etat)",
                    "Working time (fraction of full time)",
                    "Розмір робочого часу (ставка)",
                    "Размер рабочего времени (ставка)",
                ),
                t(
                    "Np. 1 dla pełnego etatu, 0,5 dla pół etatu.",
                    "E.g. 1 for full time, 0.5 for half time.",
                    "Наприклад, 1 — повна ставка, 0,5 — пів ставки.",
                    "Например, 1 — полная ставка, 0,5 — полставки.",
                ),
                min_value=0.01,
                max_value=1,
                **only_if(eq(f"{s}.contract_type", "employment_contract")),
            ),
            field(
                "hours_per_week",
                "integer",
                t(
                    "Liczba godzin pracy w tygodniu",
                    "Working hours per week",
                    "Кількість робочих годин на тиждень",
                    "Количество рабочих часов в неделю",
                ),
                None,
                min_value=1,
                max_value=80,
            ),
            field(
                "pay_amount",
                "decimal",
                t(
                    "Wynagrodzenie brutto (zł)",
                    "Gross pay (PLN)",
                    "Заробітна плата брутто (злотих)",
                    "Заработная плата брутто (злотых)",
                ),
                t(
                    "Nie niższe niż płaca minimalna dla tego wymiaru czasu pracy.",
                    "Not below the minimum wage for this working time.",
                    "Не нижче мінімальної заробітної плати для цього робочого часу.",
                    "Не ниже минимальной заработной платы для этого рабочего времени.",
                ),
                min_value=0,
            ),
            field(
                "pay_basis",
                "choice",
                t("Wynagrodzenie liczone", "Pay is counted", "Оплата нараховується", "Оплата начисляется"),
                None,
                choices=PAY_BASIS,
            ),
            field(
                "period_from",
                "date",
                t("Okres wykonywania pracy: od", "Period of work: from", "Період роботи: з", "Период работы: с"),
                None,
            ),
            field(
                "period_to",
                "date",
                t("Okres wykonywania pracy: do", "Period of work: to", "Період роботи: по", "Период работы: по"),
                None,
            ),
        ],
    )


def annex_declarations_step() -> Json:
    return step(
        "declarations",
        "4",
        t("Oświadczenia podmiotu", "The employer's declarations", "Заяви суб'єкта", "Заявления субъекта"),
        [
            field(
                "declaration_no_convictions",
                "declaration",
                t(
                    "Oświadczam, że podmiot powierzający pracę nie był prawomocnie ukarany ani skazany za wykroczenia lub "
                    "przestępstwa związane z powierzaniem pracy cudzoziemcom, wymienione w ustawie o cudzoziemcach.",
                    "I declare that the employer has not been finally penalised or convicted for offences related to "
                    "employing foreigners that are listed in the Act on Foreigners.",
                    "Заявляю, що суб'єкт, який доручає роботу, не був остаточно покараний чи засуджений за "
                    "правопорушення або злочини, пов'язані з дорученням роботи іноземцям, перелічені в Законі "
                    "про іноземців.",
                    "Заявляю, что субъект, поручающий работу, не был окончательно наказан или осуждён за "
                    "правонарушения или преступления, связанные с поручением работы иностранцам, перечисленные в Законе "
                    "об иностранцах.",
                ),
                None,
            ),
            field(
                "declaration_equal_pay",
                "declaration",
                t(
                    "Oświadczam, że wynagrodzenie cudzoziemca nie będzie niższe od wynagrodzenia pracowników wykonujących "
                    "porównywalną pracę na porównywalnym stanowisku w tym samym wymiarze czasu pracy.",
                    "I declare that the foreign worker's pay will not be lower than the pay of workers doing comparable "
                    "work in a comparable position for the same working time.",
                    "Заявляю, що заробітна плата іноземця не буде нижчою за заробітну плату працівників, які виконують "
                    "порівнянну роботу на порівнянній посаді з тим самим робочим часом.",
                    "Заявляю, что заработная плата иностранца не будет ниже заработной платы работников, выполняющих "
                    "сопоставимую работу на сопоставимой должности при том же рабочем времени.",
                ),
                None,
            ),
            field("declaration_false_statement", "declaration", FALSE_STATEMENT, FALSE_STATEMENT_HELP),
            field(
                "signatory_name",
                "name",
                t(
                    "Imię i nazwisko osoby podpisującej",
                    "Name of the person signing",
                    "Ім'я та прізвище особи, що підписує",
                    "Имя и фамилия подписывающего лица",
                ),
                None,
                max_length=200,
            ),
            field(
                "signatory_position",
                "text",
                t(
                    "Stanowisko lub funkcja osoby podpisującej",
                    "Position of the person signing",
                    "Посада особи, що підписує",
                    "Должность подписывающего лица",
                ),
                None,
                max_length=200,
            ),
        ],
    )


def employer_annex_1() -> Json:
    return {
        "slug": "employer-annex-1",
        "version": VERSION,
        "permit_type": "temporary-residence-work",
        "layout": LAYOUT,
        "title": t(
            "Załącznik nr 1 do wniosku o udzielenie zezwolenia na pobyt czasowy i pracę",
            "Annex 1 to the application for a temporary residence and work permit",
            "Додаток № 1 до заяви про надання дозволу на тимчасове перебування та роботу",
            "Приложение № 1 к заявлению о предоставлении разрешения на временное пребывание и работу",
        ),
        "description": t(
            "Wypełnia podmiot powierzający wykonywanie pracy cudzoziemcowi.",
            "Filled in by the employer who entrusts the work to the foreign worker.",
            "Заповнює суб'єкт, який доручає іноземцю виконання роботи.",
            "Заполняет субъект, поручающий иностранцу выполнение работы.",
        ),
        "annex_of": "temporary-residence-work",
        "steps": [
            annex_employer_step(),
            annex_identity_step(),
            annex_foreigner_step(),
            annex_work_step(),
            annex_terms_step(),
            annex_declarations_step(),
        ],
        "attachments": [
            attachment(
                "labour_market_information",
                t(
                    "Informacja starosty o lokalnym rynku pracy",
                    "The starost's information on the local labour market",
                    "Інформація старости щодо місцевого ринку праці",
                    "Информация старосты о местном рынке труда",
                ),
                t(
                    "Jeśli jest wymagana dla tego stanowiska.",
                    "If it is required for this position.",
                    "Якщо вона потрібна для цієї посади.",
                    "Если она требуется для этой должности.",
                ),
                required=False,
            ),
            other_documents(),
        ],
        "rules": [
            rule("date_order", start="work_terms.period_from", end="work_terms.period_to"),
            rule(
                "pay_not_below_minimum_wage",
                amount="work_terms.pay_amount",
                basis="work_terms.pay_basis",
                fraction="work_terms.working_time_fraction",
            ),
        ],
    }


# --- Output -----------------------------------------------------------------------------------------------------

BUILDERS = {
    "temporary-residence": temporary_residence,
    "temporary-residence-work": temporary_residence_work,
    "employer-annex-1": employer_annex_1,
    "permanent-residence": permanent_residence,
    "eu-long-term-resident": eu_long_term_resident,
}


def build_all() -> dict[str, Json]:
    """Every definition by slug, checked against the schema."""
    definitions = {slug: builder() for slug, builder in BUILDERS.items()}
    for definition in definitions.values():
        FormDefinitionSpec.model_validate_json(json.dumps(definition))
    return definitions


def render(definition: Json) -> str:
    return json.dumps(definition, indent=2, ensure_ascii=False) + "\n"


def write_all(directory: Path = BUILTIN_DIR) -> list[Path]:
    paths = []
    for slug, definition in build_all().items():
        path = directory / f"{slug}.json"
        path.write_text(render(definition), encoding="utf-8")
        paths.append(path)
    return paths


if __name__ == "__main__":
    for written in write_all():
        print(written)
