from django import forms


class TokenForm(forms.Form):
    token = forms.RegexField(
        label="Kode dari aplikasi autentikator",
        regex=r"^\s*\d{6}\s*$",
        help_text="Enam angka yang tampil di aplikasi (Google Authenticator, Microsoft Authenticator, Aegis).",
        error_messages={"invalid": "Masukkan 6 angka dari aplikasi autentikator."},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )

    def clean_token(self):
        return self.cleaned_data["token"].strip()
