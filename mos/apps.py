"""App configurations the project adjusts."""

from django.contrib.staticfiles.apps import StaticFilesConfig as DjangoStaticFilesConfig


class StaticFilesConfig(DjangoStaticFilesConfig):
    """`collectstatic` leaves out what no page serves: Viewflow's Plotly Dash bundle, its npm copies, source maps.

    Nothing outside them names them (the flattened copies beside `node_modules` are what Viewflow's pages load). They
    are most of Viewflow's 49 MB, and hashing and compressing them took four of the five minutes `collectstatic`
    needed. A source map left out is a reference that `mos.staticstorage` leaves unhashed.
    """

    # A bare name matches a directory; a pattern with a slash matches a file's whole path.
    ignore_patterns = [*DjangoStaticFilesConfig.ignore_patterns, "node_modules", "viewflow/js/contrib/*", "*.map"]
