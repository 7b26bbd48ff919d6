from desa_platform.tenancy.current import current_desa
from desa_platform.tenancy.themes import current_theme


def desa(request):
    return {"desa": current_desa(), "theme": current_theme()}
