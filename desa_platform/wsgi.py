import os

from django.core.wsgi import get_wsgi_application

from desa_platform import bootstrap

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "desa_platform.settings.production")

bootstrap.start()  # production sets DATABASE_URL; without it (bench, a quick try) the embedded server
application = get_wsgi_application()
