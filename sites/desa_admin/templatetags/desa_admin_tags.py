from django import template

register = template.Library()


@register.filter
def minutes(delta) -> int:
    """A timedelta in whole minutes, rounded up: 'coba lagi dalam 30 menit'."""
    return -(-int(delta.total_seconds()) // 60)


@register.simple_tag
def desa_creation_token():
    """The one-time token of an 'add page' form (sites/desa_admin/page_creation.py)."""
    from sites.desa_admin.page_creation import token_input

    return token_input()
