"""Meet-ups and peer-led sessions, under /community/meetups/.

One events model and one listing with the learning zone: a meet-up is a learning `Event`
whose kind is not a course (a coffee morning, a peer group, a hot seat session). This package
shows learning's search narrowed to those kinds, with learning's query, form and templates;
saying you're coming, the calendar file and the reminder are learning's booking service and
pages, so capacity is kept by the same row lock.
"""
