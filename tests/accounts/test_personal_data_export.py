"""'Download your data' is complete, and every app adds its part through one registry."""

import json

from django.apps import apps
from django.conf import settings
from django.db import models
from django.urls import reverse

from pahub.core import personal_data


def download(client_for, user) -> dict:
    response = client_for(user).get(reverse("accounts:data_download"))
    assert response.status_code == 200
    return json.loads(response.content)


def test_an_employers_download_holds_everything_of_theirs(shared, client_for, employer):
    export = download(client_for, employer)

    profile = export["employer"]["profile"]
    assert profile["display_name"] == "Amira"
    assert profile["postcode"] == "NE1 4ST"
    assert profile["access_needs"] == ["Large print", "Please call after 10"]
    titles = {job["title"] for job in export["jobs"]["jobs"]}
    assert titles == {"Morning PA", "Weekend PA"}
    applicants = {a["status"] for job in export["jobs"]["jobs"] for a in job["applications"]}
    assert applicants == {"hired", "applied"}
    bodies = {m["body"] for c in export["messages"]["conversations"] for m in c["messages"]}
    assert {"Welcome aboard!", "Thanks, see you Monday."} <= bodies
    requests = export["cover"]["cover_requests"]
    assert len(requests) == 3
    assert requests[0]["address"] == "12 Grey Street, Newcastle NE1 4ST"
    assert len(export["cover"]["bookings"]) == 2
    assert export["cover"]["hours_worked"][0]["status"] == "approved"
    assert "README" in export


def test_a_pas_download_holds_everything_of_theirs(shared, client_for, pa):
    export = download(client_for, pa)

    assert export["pa_register"]["profile"]["display_name"] == "Jordan"
    statuses = {a["status"] for a in export["jobs"]["applications"]}
    assert statuses == {"hired", "applied"}
    assert {a["message"] for a in export["jobs"]["applications"]} == {"I live nearby.", "Pick me"}
    assert len(export["cover"]["bookings"]) == 2
    assert export["cover"]["offers"][0]["message"] == "Happy to help"
    assert export["cover"]["hours_worked"][0]["note"] == "Went to the shops"
    conversation = export["messages"]["conversations"][0]
    assert conversation["with"] == "Amira"


def test_nobody_gets_the_other_sides_private_details(shared, client_for, pa, employer):
    employer.phone = "07700 900001"
    employer.save()
    pa.phone = "07700 900002"
    pa.save()

    pa_file = json.dumps(download(client_for, pa))
    employer_file = json.dumps(download(client_for, employer))

    for private in ("employer@example.org", "07700 900001", "Amira Khan", "Please call after 10"):
        assert private not in pa_file
    for private in ("pa@example.org", "07700 900002", "Jordan Reed", "I love walking."):
        assert private not in employer_file
    # The cover address is shown to a PA only with a booking; the download says no more.
    assert "12 Grey Street" not in pa_file


def _user_owned_models() -> set[type[models.Model]]:
    """Every model that points at a person, directly or through a record that belongs to one
    (a job, an employer profile, a conversation)."""
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    owned: set[type[models.Model]] = {user_model}
    changed = True
    while changed:
        changed = False
        for model in apps.get_models():
            if model in owned:
                continue
            for field in model._meta.get_fields():
                points_at_owner = (field.many_to_one or field.one_to_one) and field.concrete
                if points_at_owner and field.related_model in owned:
                    owned.add(model)
                    changed = True
                    break
    return owned - {user_model}


def test_every_model_holding_personal_data_has_an_exporter():
    covered = personal_data.registry.covered_models()
    missing = sorted(
        model._meta.label
        for model in _user_owned_models()
        if model._meta.label not in covered and model._meta.label not in personal_data.NO_EXPORT
    )
    assert missing == [], (
        "These models hold data about a person but no app exports them: register them in the "
        "app's personal_data.py, or add them to personal_data.NO_EXPORT with the reason."
    )


def test_every_registered_model_says_what_deletion_does():
    for label, fate in personal_data.registry.covered_models().items():
        assert fate in personal_data.Fate, label
