from django import template

register = template.Library()


@register.filter
def minutes(delta) -> int:
    """A timedelta in whole minutes, rounded up: 'coba lagi dalam 30 menit'."""
    return -(-int(delta.total_seconds()) // 60)
