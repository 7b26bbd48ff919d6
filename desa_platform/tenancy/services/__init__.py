"""Every operation on tenants is one function here, called by the CLI, the console and the tests alike."""
