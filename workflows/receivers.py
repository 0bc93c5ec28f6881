"""What case processing does when applications announce something (connected in WorkflowsConfig.ready).

Both signals are sent after the applicant's transaction commits, so the process starts (or ends) in its own.
"""

from __future__ import annotations

from django.dispatch import receiver

from applications.signals import application_submitted, application_withdrawn


@receiver(application_submitted, dispatch_uid="workflows.start_case")
def start_case_on_submission(sender, application, **kwargs) -> None:
    from workflows.services import start_case

    start_case(application)


@receiver(application_withdrawn, dispatch_uid="workflows.discontinue_case")
def discontinue_case_on_withdrawal(sender, application, **kwargs) -> None:
    from workflows.services import discontinue_case

    discontinue_case(application, user=application.applicant)
