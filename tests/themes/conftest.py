import pytest

from desa_platform.tenancy import routing


@pytest.fixture(autouse=True)
def fresh_routing_table():
    """A test's theme switch is rolled back with its transaction, but the in-process routing table built during
    the test would keep the switched Desa: forget it on both sides of every test."""
    routing._state["table"] = None
    yield
    routing._state["table"] = None
