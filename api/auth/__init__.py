"""Accounts, roles and sessions."""
