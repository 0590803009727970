"""Placeholder: `users create` and `demo` are being written."""

commands: list = []
