"""The console's one place for a service's ServiceError: it becomes an error message on the next page, or an
error on the form the person is filling in (so nothing typed is lost). Either way nothing was done.

Two answers are HTTP statuses instead, where the person asked for a thing rather than an action: a backup name
that is not one of ours is a 404 (backups.backup_download), a refused support entry a 403 page (support.enter).
"""

from django.contrib import messages

from desa_platform.tenancy.services.errors import ServiceError

FAILED = object()  # returned instead of a result when the service refused


def attempt(request, operation):
    """`operation()`, or FAILED with its ServiceError shown as a message."""
    try:
        return operation()
    except ServiceError as error:
        messages.error(request, str(error))
        return FAILED


def attempt_on_form(form, operation, field=None):
    """`operation()`, or FAILED with its ServiceError added to `form` (on `field`, or the whole form)."""
    try:
        return operation()
    except ServiceError as error:
        form.add_error(field, str(error))
        return FAILED
