"""The recovery meter (Herstelmeter): self-tests, their trend and reminders to come back."""
