"""Web push inside the app: subscriptions, preferences, the outbox, the dispatcher loop, and
the registry of the push kinds and reminders the domains declare."""
