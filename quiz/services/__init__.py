"""Workflows that save content to the database, and the renderings the commands print."""
