"""What `documents` announces; `workflows` subscribes (a letter's delivery is case processing's business)."""

from django.dispatch import Signal

#: The case's applicant opened (downloaded) one of its documents in the account.
#: sender=Document, document=Document, user=the applicant, at=aware datetime
document_opened = Signal()
