"""Account safety pieces named in settings: the client address for django-axes and a password rule."""

import ipaddress

from django.core.exceptions import ValidationError


def client_ip(request) -> str:
    """The visitor's address for lockouts.

    Behind our nginx (deploy/nginx/app.conf) every request comes from loopback and nginx appends the real
    client to X-Forwarded-For, so its right-most entry is the one address a visitor cannot forge. Anything
    not from loopback is taken at its word (REMOTE_ADDR), so a forged header never dodges the per-IP count.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    try:
        from_proxy = ipaddress.ip_address(remote).is_loopback
    except ValueError:
        from_proxy = False
    if from_proxy and forwarded:
        candidate = forwarded.split(",")[-1].strip()
        try:
            return str(ipaddress.ip_address(candidate))
        except ValueError:
            pass
    return remote


class LettersAndDigitsValidator:
    """A password mixes letters with digits or symbols: 'bismillahdesa' alone is guessed in minutes."""

    message = "Kata sandi harus memuat huruf dan juga angka atau simbol."

    def validate(self, password, user=None):
        has_letter = any(ch.isalpha() for ch in password)
        has_other = any(not ch.isalpha() for ch in password)
        if not (has_letter and has_other):
            raise ValidationError(self.message, code="password_letters_and_digits")

    def get_help_text(self):
        return self.message
