"""Employers suggest a module of the learning zone to their PA."""
