"""The English catalogue covers every user-facing string, and the committed .mo is its compilation.

`make messages` refreshes both; these tests fail when a string was added without being translated,
a translation is fuzzy or empty, or the .po was edited without compiling the .mo.
"""

import shutil
from pathlib import Path

import polib
import pytest
from django.core.management import call_command

import motcua

PACKAGE = Path(motcua.__file__).parent
CATALOGUE = PACKAGE / "locale" / "en" / "LC_MESSAGES"
EXCLUDED = ("simulators/*", "demo/*")  # the same as `make messages`


def catalogue(entries) -> dict[tuple[str | None, str], object]:
    """(context, msgid) → translation (a dict of plural forms for plural entries)."""
    return {
        (e.msgctxt, e.msgid): dict(e.msgstr_plural) if e.msgid_plural else e.msgstr
        for e in entries
        if e.msgid and not e.obsolete
    }


def test_every_entry_is_translated_and_none_is_fuzzy():
    po = polib.pofile(CATALOGUE / "django.po")
    assert po.metadata["Language"] == "en"
    assert not po.metadata_is_fuzzy
    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []
    assert [e.msgid for e in po.obsolete_entries()] == []


def test_the_compiled_catalogue_matches_the_po():
    po = polib.pofile(CATALOGUE / "django.po")
    mo = polib.mofile(CATALOGUE / "django.mo")
    assert catalogue(mo) == catalogue(po)


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="GNU gettext is not installed")
def test_the_po_holds_every_string_of_the_code(tmp_path, monkeypatch, settings):
    """Extract the strings again from a copy of the package: the same msgids as committed."""
    copy = tmp_path / "motcua"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    settings.LOCALE_PATHS = [copy / "locale"]
    monkeypatch.chdir(copy)
    call_command(
        "makemessages", locale=["en"], ignore_patterns=list(EXCLUDED), no_obsolete=True, verbosity=0
    )
    extracted = polib.pofile(copy / "locale" / "en" / "LC_MESSAGES" / "django.po")
    committed = polib.pofile(CATALOGUE / "django.po")
    assert sorted(catalogue(extracted)) == sorted(catalogue(committed))
