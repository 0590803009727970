"""Offline sync: the change log, the mutation log and POST /api/sync."""
