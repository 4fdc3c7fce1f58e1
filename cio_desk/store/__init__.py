"""Persistence: the schema, the one engine factory, migrations and backups."""
