"""Exchange with DUO (docs/duo.md): notifications in through an inbox, our decisions out through an outbox.

The contract is DUO's OpenAPI files in settings.DUO_SPEC_DIR; `schema` validates against them.
"""
