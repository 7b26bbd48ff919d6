"""Wagtail's login form with the labels it leaves to Django's field-name fallback ("Password") in Indonesian."""

from wagtail.admin.forms.auth import LoginForm


class DesaLoginForm(LoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = "Kata sandi"
        # Short enough for a 360 px phone ("Masukkan nama pengguna anda" was cut off after "penggu").
        self.fields["username"].widget.attrs["placeholder"] = "Nama pengguna Anda"
        self.fields["password"].widget.attrs["placeholder"] = "Kata sandi Anda"
        self.fields["remember"].label = "Ingat saya"
