"""Request-level safety shared by every desa and the console: the client's address behind our nginx, login
slow-down, hostile query strings, security headers."""
