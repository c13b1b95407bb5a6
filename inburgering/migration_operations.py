"""Migration operations for what only PostgreSQL has: extensions and the indexes that need them.

The project also runs on SQLite (no DATABASE_URL: `make run` on a fresh clone), which has neither
pg_trgm nor GIN. Such an index stays out of the model's `Meta.indexes` on purpose: SQLite rebuilds a
table on most field changes and recreates every index the migration state knows, so a GIN index in
the state would break the next migration of that model there. `OnPostgreSQL` therefore changes no
state; the model names its indexes in a comment instead.
"""

from django.db.migrations.operations.base import Operation


class OnPostgreSQL(Operation):
    """`operation`'s database changes, on PostgreSQL only; no state changes anywhere.

    For operations whose state does not matter to Django, such as `TrigramExtension()` or
    `AddIndex(...)` of an index that no model declares. Both directions skip other databases
    (Django's `CreateExtension` checks the vendor going forwards only)."""

    reversible = True

    def __init__(self, operation):
        self.operation = operation

    def state_forwards(self, app_label, state):
        pass

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            self.operation.database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            self.operation.database_backwards(app_label, schema_editor, from_state, to_state)

    def describe(self):
        return f"{self.operation.describe()} (PostgreSQL only)"

    @property
    def migration_name_fragment(self):
        return self.operation.migration_name_fragment
