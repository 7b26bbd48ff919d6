"""Delivery backends for the outbox tests: they record what reached 'the mail server'."""

import threading
import time

from django.core.mail.backends.base import BaseEmailBackend

delivered = []
_lock = threading.Lock()


class SlowRecordingBackend(BaseEmailBackend):
    """Takes a little while per message, so two senders running at once really overlap."""

    def send_messages(self, email_messages):
        for email in email_messages:
            time.sleep(0.02)
            with _lock:
                delivered.append(email.extra_headers["Message-ID"])
        return len(email_messages)
