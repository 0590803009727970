"""Download al mijn gegevens: a person's data as one ZIP (AVG/GDPR art. 15 and 20)."""
