"""The SQL that recreates a schema: generated once from a template's catalog, replayed for every clone.

Tables, constraints and indexes keep their original names; the template's rows are copied by the replay itself
(INSERT … SELECT from the template), so the SQL holds structure only and stays valid while the template exists.
"""

from django.db import connection

SCHEMA_PLACEHOLDER = "__desa_schema__"


def _rows(cursor, sql, params):
    cursor.execute(sql, params)
    return cursor.fetchall()


def generate_clone_sql(source: str, rows: bool = True) -> str:
    """SQL that recreates `source` (structure and, unless rows=False, its rows) in the schema SCHEMA_PLACEHOLDER."""
    target = f'"{SCHEMA_PLACEHOLDER}"'
    with connection.cursor() as cursor:
        # Definitions are read with only the source on the search path, so they name tables unqualified
        # and resolve against the clone when replayed with the clone's search path.
        cursor.execute(f'SET search_path = "{source}"')
        try:
            stray = _rows(
                cursor,
                "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE n.nspname = %s AND c.relkind NOT IN ('r', 'i', 'S') ORDER BY 1",
                [source],
            )
            if stray:
                raise RuntimeError(f"template schema holds objects the clone cannot copy: {stray}")
            tables = [
                r[0]
                for r in _rows(
                    cursor,
                    "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                    "WHERE n.nspname = %s AND c.relkind = 'r' ORDER BY 1",
                    [source],
                )
            ]
            constraints = _rows(
                cursor,
                "SELECT cl.relname, con.conname, con.contype, pg_get_constraintdef(con.oid), "
                "(SELECT ref.relname FROM pg_class ref WHERE ref.oid = con.confrelid) "
                "FROM pg_constraint con JOIN pg_class cl ON cl.oid = con.conrelid "
                "JOIN pg_namespace n ON n.oid = cl.relnamespace "
                "WHERE n.nspname = %s AND con.contype IN ('p', 'u', 'f', 'c', 'x') "
                "ORDER BY position(con.contype::text in 'puxcf'), 1, 2",
                [source],
            )
            indexes = _rows(
                cursor,
                "SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i "
                "JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE n.nspname = %s AND NOT EXISTS "
                "(SELECT 1 FROM pg_constraint con WHERE con.conindid = i.indexrelid AND con.contype IN ('p','u','x')) "
                "ORDER BY c.relname",
                [source],
            )
            identities = _rows(
                cursor,
                "SELECT c.relname, a.attname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
                "JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE n.nspname = %s AND c.relkind = 'r' AND a.attidentity <> '' ORDER BY 1",
                [source],
            )
            non_empty = {
                table
                for table in tables
                if rows and _rows(cursor, f'SELECT EXISTS (SELECT 1 FROM "{table}")', [])[0][0]
            }
        finally:
            cursor.execute("SET search_path = public")

    statements = [f"CREATE SCHEMA {target}", f"SET LOCAL search_path = {target}, public"]
    statements += _structure_and_rows(source, tables, constraints, indexes, non_empty)
    for table, column in identities:
        if table in non_empty:
            statements.append(
                f"SELECT setval(pg_get_serial_sequence('\"{SCHEMA_PLACEHOLDER}\".\"{table}\"', '{column}'), "
                f'COALESCE((SELECT MAX("{column}") FROM "{table}"), 0) + 1, false)'
            )
    statements.append("SET LOCAL search_path = public")
    return ";\n".join(statements) + ";\n"


def _structure_and_rows(source, tables, constraints, indexes, non_empty) -> list[str]:
    """CREATE TABLE, rows, late foreign keys, indexes: as few catalog commands and row checks as PostgreSQL allows.

    Every ALTER TABLE re-reads and invalidates the table (and a foreign key's target), and ~450 relations make a
    tenant, so each table is created once with its keys, checks and the foreign keys it can take at birth: those
    of a table that stays empty here, to a table made before it (an empty table has nothing to check). A table
    that gets the template's rows takes its foreign keys after them, checked once per key instead of once per
    row at commit (auth_permission and auth_group_permissions alone are ~800 rows). Plain indexes come last.
    """
    own: dict[str, list[str]] = {table: [] for table in tables}
    foreign: dict[str, list[tuple[str, str, str]]] = {table: [] for table in tables}
    for table, name, kind, definition, referenced in constraints:
        if kind == "f":
            foreign[table].append((name, definition, referenced))
        else:
            own[table].append(f'CONSTRAINT "{name}" {definition}')
    created: set[str] = set()
    late: dict[str, list[str]] = {}
    statements = []
    for table in _referenced_first(tables, foreign):
        clauses = [f'LIKE "{source}"."{table}" INCLUDING ALL EXCLUDING INDEXES EXCLUDING CONSTRAINTS', *own[table]]
        for name, definition, referenced in foreign[table]:
            if table not in non_empty and (referenced in created or referenced == table):
                clauses.append(f'CONSTRAINT "{name}" {definition}')
            else:
                late.setdefault(table, []).append(f'ADD CONSTRAINT "{name}" {definition}')
        statements.append(f'CREATE TABLE "{table}" ({", ".join(clauses)})')
        created.add(table)
    for table in tables:
        if table in non_empty:
            statements.append(f'INSERT INTO "{table}" SELECT * FROM "{source}"."{table}"')
    for table, clauses in late.items():  # one ALTER per table: it locks and invalidates the table once
        statements.append(f'ALTER TABLE "{table}" ' + ", ".join(clauses))
    for (definition,) in indexes:
        statements.append(definition.replace(f" ON {source}.", " ON ").replace(f' ON "{source}".', " ON "))
    return statements


def _referenced_first(tables: list[str], foreign: dict) -> list[str]:
    """Tables ordered so a table comes after those its foreign keys point to, where no cycle prevents it."""
    ordered, placed, visiting = [], set(), set()

    def visit(table):
        if table in placed or table in visiting:  # a cycle: its foreign key is added late
            return
        visiting.add(table)
        for _name, _definition, referenced in foreign.get(table, []):
            if referenced in foreign:
                visit(referenced)
        visiting.discard(table)
        placed.add(table)
        ordered.append(table)

    for table in tables:
        visit(table)
    return ordered
