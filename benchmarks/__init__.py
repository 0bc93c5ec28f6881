"""Benchmarks: `make bench` runs them; each module has run(quick: bool) -> dict."""
