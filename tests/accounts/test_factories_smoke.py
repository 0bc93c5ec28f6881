import pytest

from tests.factories import AdministratorFactory, ApplicantFactory, StaffFactory


@pytest.mark.django_db
def test_factories_make_users_with_roles_and_offices():
    applicant = ApplicantFactory()
    officer = StaffFactory(office="12")
    admin = AdministratorFactory()
    assert applicant.has_role("applicant") and not applicant.needs_second_factor
    assert officer.staff_membership.office.voivodeship.code == "12"
    assert officer.needs_second_factor and officer.totp_device.confirmed
    assert admin.needs_second_factor
