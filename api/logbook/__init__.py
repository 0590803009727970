"""The personal logbook: logbooks, entries with revisions, photos, a hash chain, PDF export."""
