"""Placeholder: account models are being written."""
