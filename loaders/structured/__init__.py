"""Structured sources (IATI activity files, CSV/JSON event registers): fields mapped without language processing."""
