"""What `applications` announces; `workflows` and `documents` subscribe. Sent after the transaction commits."""

from django.dispatch import Signal

#: sender=Application, application=Application
application_submitted = Signal()
#: sender=Application, application=Application
application_withdrawn = Signal()
