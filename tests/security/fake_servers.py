"""The misbehaving loopback servers live with the fault benchmark (bench/fault_servers.py)."""

from bench.fault_servers import StalledSMTPServer, TCPProxy

__all__ = ["StalledSMTPServer", "TCPProxy"]
