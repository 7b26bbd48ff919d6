"""EMAIL_BACKEND for the web processes: every `send_mail`, Wagtail workflow notice or password-reset mail is
stored in the outbox instead of talking to a mail server inside the request."""

from django.core.mail.backends.base import BaseEmailBackend

from .queue import enqueue_message


class OutboxEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        count = 0
        for email in email_messages:
            if email.recipients():
                enqueue_message(email)
                count += 1
        return count
