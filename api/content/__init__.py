"""Content written for Houvast (Dutch first, plain B1; English second): data, not code."""
