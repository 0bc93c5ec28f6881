"""The production static-files storage: WhiteNoise's compressed manifest, tolerant of broken third-party CSS.

Viewflow 2.4 ships `viewflow/fonts/roboto/*.css` whose `url()`s name Roboto font files the package does not contain, so
the manifest's CSS post-processing stops `collectstatic` with `MissingFileError`. `WHITENOISE_MANIFEST_STRICT = False`
does not help: it only relaxes run-time lookups of names absent from the manifest, while the failure is in rewriting
the CSS. Ignoring those files instead (`collectstatic --ignore`) must be repeated on every call and would make any
template naming them a 500. So a reference that points at a missing file is left as written, as in development, but
only inside the packages listed in `TOLERATED_PREFIXES` (their source maps are not collected either, see `mos.apps`):
our own CSS stays strict, a typo there still fails the build.
"""

from __future__ import annotations

import logging

from whitenoise.storage import CompressedManifestStaticFilesStorage

logger = logging.getLogger(__name__)

#: Static folders of third-party packages whose CSS may name files they do not ship.
TOLERATED_PREFIXES: tuple[str, ...] = ("viewflow/", "ninja/")


class ManifestStaticStorage(CompressedManifestStaticFilesStorage):
    """Hashed and compressed static files; a missing file named by a tolerated package's CSS stays as it was."""

    def url_converter(self, name, hashed_files, template=None):
        converter = super().url_converter(name, hashed_files, template)
        if not name.replace("\\", "/").startswith(TOLERATED_PREFIXES):
            return converter

        def tolerant(matchobj):
            try:
                return converter(matchobj)
            except ValueError:  # the file the url() names does not exist
                logger.debug("%s names a missing file %s; left unhashed", name, matchobj.group("url"))
                return matchobj.group("matched")

        return tolerant
