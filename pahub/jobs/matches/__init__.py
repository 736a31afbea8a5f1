"""The job side of matching: a job's PAs, a PA's jobs, their pages and API.

`needs` turns `Job` rows into the plain `JobNeeds` that `pahub.matching` scores; `queries`
finds and explains the matches; `presenters`, `views`, `urls` and `api` show them.
"""
