"""A PA's register data is in their download, and their private files go with their account."""

import json

from django.core.files.base import ContentFile
from django.urls import reverse

from pahub.accounts.services import user_delete
from pahub.register.models import Evidence


def test_data_download_includes_the_register_profile_and_evidence(
    client_for, pa, entry_level_profile
):
    Evidence.objects.create(
        profile=entry_level_profile,
        kind=Evidence.Kind.DBS,
        dbs_type=Evidence.DbsType.ENHANCED_ADULTS_BARRED,
        dbs_certificate_number="001234567890",
    )

    response = client_for(pa).get(reverse("accounts:data_download"))

    export = json.loads(response.content)
    register = export["pa_register"]
    assert register["profile"]["display_name"] == "Jordan"
    assert register["profile"]["availability"] == [
        "monday_morning",
        "tuesday_morning",
        "saturday_afternoon",
    ]
    kinds = {item["kind"] for item in register["profile"]["evidence"]}
    assert kinds == {"identity", "dbs"}
    dbs = next(item for item in register["profile"]["evidence"] if item["kind"] == "dbs")
    assert dbs["dbs_certificate_number"] == "001234567890"
    assert register["code_of_conduct_signatures"][0]["version"] == 1


def test_someone_without_a_profile_has_no_register_section(client_for, employer):
    export = json.loads(client_for(employer).get(reverse("accounts:data_download")).content)

    assert export["pa_register"] is None


def test_deleting_an_account_deletes_its_private_files(
    pa, pa_profile, django_capture_on_commit_callbacks
):
    evidence = Evidence.objects.create(profile=pa_profile, kind=Evidence.Kind.QUALIFICATION)
    evidence.document.save("certificate.pdf", ContentFile(b"%PDF-1.4 test"), save=True)
    storage, name = evidence.document.storage, evidence.document.name
    assert storage.exists(name)

    with django_capture_on_commit_callbacks(execute=True):
        user_delete(user=pa, by=pa)

    assert not storage.exists(name)
