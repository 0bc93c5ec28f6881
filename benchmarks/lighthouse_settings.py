"""Settings of the Lighthouse suite's server: production settings, with the development password confirmation allowed
so the suite can submit its sample case without a signing service (the pages measured are the same)."""

from mos.settings import *  # noqa: F403

SIGNATURE_PASSWORD_CONFIRMATION = True
