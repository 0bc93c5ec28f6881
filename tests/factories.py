"""factory-boy factories shared by the test suite."""

from __future__ import annotations

import factory

from accounts.models import Role, User
from accounts.second_factor import setup_totp
from accounts.services import assign_role
from applications.models import Office
from workflows.models import StaffMembership

PASSWORD = "correct-horse-battery-staple"


def _role(default: Role | None):
    """A post-generation hook that gives the user a role: the factory's default or `role=...` from the caller."""

    @factory.post_generation
    def role(obj: User, create: bool, extracted: Role | str | None, **kwargs) -> None:
        obj.save()
        if create and (extracted or default):
            assign_role(obj, extracted or default)

    return role


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    preferred_language = "en"
    email_verified = True
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)
    role = _role(None)


class ApplicantFactory(UserFactory):
    role = _role(Role.APPLICANT)


class EmployerFactory(UserFactory):
    role = _role(Role.EMPLOYER)


class StaffFactory(UserFactory):
    """An officer of an office (Mazowieckie unless `office=` names another office or TERYT code), with TOTP.

    The confirmed TOTP device is on `user.totp_device`; `SupervisorFactory` makes a supervisor.
    """

    role = _role(Role.OFFICER)

    @factory.post_generation
    def office(obj: User, create: bool, extracted: Office | str | None, **kwargs) -> None:
        if not create:
            return
        if not isinstance(extracted, Office):
            extracted = Office.objects.get(voivodeship__code=extracted or "14")
        StaffMembership.objects.create(user=obj, office=extracted)
        obj.totp_device = setup_totp(obj)


class SupervisorFactory(StaffFactory):
    role = _role(Role.SUPERVISOR)


class AdministratorFactory(UserFactory):
    role = _role(Role.ADMINISTRATOR)
    is_staff = True
    is_superuser = True

    @factory.post_generation
    def second_factor(obj: User, create: bool, extracted, **kwargs) -> None:
        if create:
            obj.totp_device = setup_totp(obj)


class SecondInstanceFactory(UserFactory):
    """An officer of the Head of the Office for Foreigners (the second instance): no voivodeship office, with TOTP."""

    role = _role(Role.SECOND_INSTANCE)

    @factory.post_generation
    def second_factor(obj: User, create: bool, extracted, **kwargs) -> None:
        if create:
            obj.totp_device = setup_totp(obj)
