"""Web push, the library: VAPID signing, payloads, the sender, the allow-list and timing rules.

It knows nothing of the app: no Flask, no database, no domain. The app's side (the outbox, who
is due for a reminder, the dispatcher loop) lives in api/notifications/.
"""
