from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from . import routing
from .models import Desa, Domain


@receiver([post_save, post_delete], sender=Desa)
@receiver([post_save, post_delete], sender=Domain)
def routing_changed(**kwargs):
    routing.invalidate()
