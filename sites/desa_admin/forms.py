"""Wagtail's login form with the labels it leaves to Django's field-name fallback ("Password") in Indonesian."""

from wagtail.admin.forms.auth import LoginForm


class DesaLoginForm(LoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = "Kata sandi"
        self.fields["password"].widget.attrs["placeholder"] = "Masukkan kata sandi"
        self.fields["remember"].label = "Ingat saya"
