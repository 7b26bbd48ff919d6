import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "desa_platform.settings.production")

application = get_wsgi_application()
