import pytest

from tests.samples import submit_sample

__all__ = ["submit_sample"]


@pytest.fixture
def submitted_application(db):
    return submit_sample()
