"""Insights: what councils learn about their PA workforce (docs/insights.md).

The top app of the layers: it reads every other app through that app's own query
functions, never their tables, and nothing imports it.
"""
