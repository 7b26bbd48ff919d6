"""The one error every tenant service raises for a person: its message (Indonesian) says what to do instead.

The CLI turns it into a CommandError, the console into a message on the page or an error on the form; anything
else escaping a service is a bug and is left to the 500 handler and the log.
"""


class ServiceError(ValueError):
    """An operation on tenants that cannot be done as asked; the message is for the person who asked."""
