"""The gettext catalogues are complete, consistent with the code's msgids, and compiled.

No database: these tests read locale/<lang>/LC_MESSAGES/django.po and .mo with polib,
and ask Django's gettext (which reads the committed .mo files) for a few strings.
"""

import re
from pathlib import Path

import polib
import pytest
from django.utils import translation

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
LANGUAGES = ["pl", "en", "uk", "ru"]
NPLURALS = {"pl": 4, "en": 2, "uk": 4, "ru": 4}

# %(name)s, %(count)d, %s ... and {name}, {0}, {}; "%%" is a literal per cent sign.
PERCENT_PLACEHOLDER = re.compile(
    r"%\([^)]+\)[-#0 +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]|%[-#0 +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]"
)
BRACE_PLACEHOLDER = re.compile(r"\{[^{}\s]*\}")
HTML_TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>")


def po_path(lang):
    return LOCALE_DIR / lang / "LC_MESSAGES" / "django.po"


def mo_path(lang):
    return LOCALE_DIR / lang / "LC_MESSAGES" / "django.mo"


def load_po(lang):
    return polib.pofile(str(po_path(lang)))


def live_entries(po):
    return [e for e in po if not e.obsolete]


def placeholders(text):
    text = text.replace("%%", "")
    return sorted(PERCENT_PLACEHOLDER.findall(text)), sorted(BRACE_PLACEHOLDER.findall(text))


def tags(text):
    return sorted(HTML_TAG.findall(text))


def translations(entry):
    """(source, translation) pairs of an entry: one for a simple entry, one per form for a plural one."""
    if entry.msgid_plural:
        return [
            (entry.msgid if index == 0 else entry.msgid_plural, text)
            for index, text in sorted(entry.msgstr_plural.items())
        ]
    return [(entry.msgid, entry.msgstr)]


def catalogue(entries):
    """Translated entries as {(context, msgid): translation} for comparing a .po with its .mo."""
    result = {}
    for e in entries:
        if not e.msgid:
            continue
        if e.msgid_plural:
            value = tuple(e.msgstr_plural[i] for i in sorted(e.msgstr_plural))
            if not all(value):
                continue
        else:
            value = e.msgstr
            if not value:
                continue
        result[(e.msgctxt or None, e.msgid)] = value
    return result


@pytest.mark.parametrize("lang", LANGUAGES)
def test_catalogue_parses_and_is_not_empty(lang):
    po = load_po(lang)
    assert po.metadata.get("Language") == lang
    assert po.metadata.get("Content-Type") == "text/plain; charset=UTF-8"
    assert len(live_entries(po)) > 0


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_entry_is_translated_and_none_is_fuzzy(lang):
    po = load_po(lang)
    untranslated = [e.msgid for e in po.untranslated_entries()]
    fuzzy = [e.msgid for e in po.fuzzy_entries()]
    assert untranslated == [], f"{lang}: untranslated entries: {untranslated}"
    assert fuzzy == [], f"{lang}: fuzzy entries: {fuzzy}"
    assert po.percent_translated() == 100


@pytest.mark.parametrize("lang", LANGUAGES)
def test_plural_entries_have_every_form(lang):
    po = load_po(lang)
    match = re.search(r"nplurals\s*=\s*(\d+)", po.metadata.get("Plural-Forms", ""))
    assert match, f"{lang}: no Plural-Forms header"
    nplurals = int(match.group(1))
    assert nplurals == NPLURALS[lang]
    for e in live_entries(po):
        if e.msgid_plural:
            assert sorted(e.msgstr_plural) == list(range(nplurals)), (
                f"{lang}: {e.msgid!r} has forms {sorted(e.msgstr_plural)}"
            )
            assert all(e.msgstr_plural.values()), f"{lang}: {e.msgid!r} has an empty plural form"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_placeholders_and_html_are_kept(lang):
    po = load_po(lang)
    problems = []
    for e in live_entries(po):
        for source, text in translations(e):
            if not text:
                continue
            if placeholders(source) != placeholders(text):
                problems.append(f"placeholders: {source!r} -> {text!r}")
            if tags(source) != tags(text):
                problems.append(f"HTML: {source!r} -> {text!r}")
    assert problems == [], f"{lang}:\n" + "\n".join(problems)


def test_english_catalogue_repeats_the_msgids():
    po = load_po("en")
    for e in live_entries(po):
        if e.msgid_plural:
            assert e.msgstr_plural.get(0) == e.msgid
            assert all(text == e.msgid_plural for index, text in e.msgstr_plural.items() if index > 0)
        else:
            assert e.msgstr == e.msgid


@pytest.mark.parametrize("lang", LANGUAGES)
def test_mo_file_is_compiled_from_the_current_po(lang):
    assert mo_path(lang).exists(), f"{lang}: run manage.py compilemessages"
    po = load_po(lang)
    mo = polib.mofile(str(mo_path(lang)))
    expected = catalogue(live_entries(po))
    compiled = catalogue(mo)
    stale = sorted(k[1] for k in expected.keys() - compiled.keys())
    extra = sorted(k[1] for k in compiled.keys() - expected.keys())
    changed = sorted(k[1] for k in expected.keys() & compiled.keys() if expected[k] != compiled[k])
    assert (stale, extra, changed) == ([], [], []), (
        f"{lang}: the .mo is out of date (run manage.py compilemessages): "
        f"missing {stale[:5]}, extra {extra[:5]}, changed {changed[:5]}"
    )


EXPECTED = {
    "Living and working in Poland": {
        "pl": "Mieszkać i pracować w Polsce",
        "uk": "Жити й працювати в Польщі",
        "ru": "Жить и работать в Польше",
    },
    "My account": {"pl": "Moje konto", "uk": "Мій обліковий запис", "ru": "Моя учётная запись"},
    "Polish": {"pl": "polski", "uk": "польська", "ru": "польский"},
    "English": {"pl": "angielski", "uk": "англійська", "ru": "английский"},
    "Ukrainian": {"pl": "ukraiński", "uk": "українська", "ru": "украинский"},
    "Russian": {"pl": "rosyjski", "uk": "російська", "ru": "русский"},
}


@pytest.mark.parametrize("msgid", sorted(EXPECTED))
@pytest.mark.parametrize("lang", ["pl", "uk", "ru"])
def test_django_serves_the_agreed_translations(lang, msgid):
    with translation.override(lang):
        assert translation.gettext(msgid) == EXPECTED[msgid][lang]
    with translation.override("en"):
        assert translation.gettext(msgid) == msgid
