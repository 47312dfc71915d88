"""Briefings: news articles in, reviewable YAML briefings and a MkDocs Material site out."""

__version__ = "0.1.0"
