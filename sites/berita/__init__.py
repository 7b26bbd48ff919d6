"""Berita: news articles with categories, tags, a month archive, related articles and an RSS feed."""
