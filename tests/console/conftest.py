import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from desa_platform.tenancy.services import overview

from .helpers import PASSWORD, current_code


@pytest.fixture(autouse=True)
def console_setup(folders, settings):
    settings.DESA_BULK_INLINE = True
    settings.DESA_BULK_WORKERS = 1  # worker threads would not see the test's transaction
    cache.delete(overview.CACHE_KEY)  # the console keeps a summary of every desa for a few minutes


@pytest.fixture
def staff(db):
    user = get_user_model().objects.create_user("budi", "budi@kominfo.test", PASSWORD, is_staff=True)
    TOTPDevice.objects.create(user=user, name="Konsol", confirmed=True)
    return user


@pytest.fixture
def console(staff) -> Client:
    """A browser on the platform's domain, signed in with password and TOTP code."""
    browser = Client(HTTP_HOST="localhost")
    browser.post("/console/login/", {"username": "budi", "password": PASSWORD})
    device = TOTPDevice.objects.get(user=staff)
    response = browser.post("/console/otp/", {"token": current_code(device)})
    assert response.status_code == 302 and response["Location"] == "/console/"
    return browser
