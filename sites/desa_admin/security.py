"""Account safety pieces named in settings: the client address for django-axes and a password rule."""

from django.core.exceptions import ValidationError


def client_ip(request) -> str:
    """The visitor's address for lockouts: the platform's one rule (desa_platform/security/clientip.py)."""
    from desa_platform.security.clientip import client_ip as platform_client_ip

    return platform_client_ip(request)


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
