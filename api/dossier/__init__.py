"""Dossier: a client's case timeline and tasks, written by their contact person (staff)."""
