"""The production manifest: a third-party CSS naming a file it does not ship is collected; our own typo still fails."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command


@pytest.fixture
def collect(settings, tmp_path):
    source, target = tmp_path / "source", tmp_path / "static"

    def run(files: dict[str, str]) -> dict[str, str]:
        for name, text in files.items():
            (source / name).parent.mkdir(parents=True, exist_ok=True)
            (source / name).write_text(text)
        settings.STATICFILES_DIRS = [source]
        settings.STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]
        settings.STATIC_ROOT = target
        settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": "mos.staticstorage.ManifestStaticStorage"}}
        call_command("collectstatic", "--noinput", verbosity=0)
        return json.loads((target / "staticfiles.json").read_text())["paths"]

    return run


def test_viewflows_css_naming_missing_fonts_is_collected_and_left_as_written(collect, tmp_path):
    css = "@font-face { src: url('./Roboto-Thin.woff2') format('woff2'); }\nbody { background: url('bg.png'); }"
    paths = collect({"viewflow/fonts/roboto/roboto-fontface.css": css, "viewflow/fonts/roboto/bg.png": "png"})
    hashed = tmp_path / "static" / paths["viewflow/fonts/roboto/roboto-fontface.css"]
    text = hashed.read_text()
    assert "url('./Roboto-Thin.woff2')" in text  # missing: left as it was
    assert paths["viewflow/fonts/roboto/bg.png"].split("/")[-1] in text  # present: hashed as usual


def test_our_own_css_naming_a_missing_file_still_fails_the_build(collect):
    with pytest.raises(ValueError, match=r"missing\.png"):
        collect({"css/own.css": "body { background: url('missing.png'); }"})


def test_the_dash_bundle_npm_copies_and_source_maps_are_not_collected():
    from django.apps import apps

    patterns = apps.get_app_config("staticfiles").ignore_patterns
    assert {"node_modules", "viewflow/js/contrib/*", "*.map"} <= set(patterns)
