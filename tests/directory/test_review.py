"""Hub staff review the directory, /directory/review/: approve or withdraw services and record
the regional base standard. Nobody else may."""

from django.urls import reverse

from pahub.core.models import AuditEvent
from pahub.directory.models import Service


def test_hub_staff_see_what_is_waiting_and_approve_it(client_for, admin, pending_service, client):
    hub = client_for(admin)
    assert "Durham payroll service" in hub.get(reverse("directory:review")).content.decode()

    response = hub.post(
        reverse("directory:review_service", args=[pending_service.pk]), {"decision": "approve"}
    )

    assert response.status_code == 302
    pending_service.refresh_from_db()
    assert pending_service.status == Service.Status.APPROVED
    assert pending_service.decided_by == admin
    assert AuditEvent.objects.filter(action="directory.service_approved", actor=admin).exists()
    assert client.get(reverse("directory:service", args=[pending_service.pk])).status_code == 200


def test_hub_staff_withdraw_a_service(client_for, admin, approved_service):
    client_for(admin).post(
        reverse("directory:review_service", args=[approved_service.pk]), {"decision": "withdraw"}
    )

    approved_service.refresh_from_db()
    assert approved_service.status == Service.Status.WITHDRAWN


def test_approving_twice_says_so_beside_the_choice(client_for, admin, approved_service):
    response = client_for(admin).post(
        reverse("directory:review_service", args=[approved_service.pk]), {"decision": "approve"}
    )

    assert response.status_code == 200
    assert response.context["form"].errors["decision"] == ["This service is already approved."]


def test_a_decision_must_be_chosen(client_for, admin, pending_service):
    response = client_for(admin).post(
        reverse("directory:review_service", args=[pending_service.pk]), {"decision": "maybe"}
    )

    assert response.context["form"].errors["decision"] == ["Choose approve or withdraw"]


def test_hub_staff_record_the_base_standard_with_the_date(
    client_for, admin, entry, client, approved_service
):
    url = reverse("directory:review_standard", args=[entry.pk])

    response = client_for(admin).post(
        url,
        {"meets": "yes", "checked_on_day": "2", "checked_on_month": "3", "checked_on_year": "2026"},
    )

    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.meets_base_standard is True
    assert entry.base_standard_checked_on.isoformat() == "2026-03-02"
    assert entry.base_standard_checked_by == admin
    page = client.get(reverse("directory:service", args=[approved_service.pk])).content.decode()
    assert "meets the regional base standard" in page
    assert "2 March 2026" in page


def test_bad_base_standard_input_is_kept(client_for, admin, entry):
    response = client_for(admin).post(
        reverse("directory:review_standard", args=[entry.pk]),
        {"checked_on_day": "31", "checked_on_month": "2", "checked_on_year": "2026"},
    )

    errors = response.context["form"].errors
    assert errors["meets"] == ["Say whether the organisation meets the base standard"]
    assert errors["checked_on"] == ["Enter a real date"]
    assert 'value="31"' in response.content.decode()


def test_the_base_standard_cannot_be_checked_in_the_future(client_for, admin, entry):
    response = client_for(admin).post(
        reverse("directory:review_standard", args=[entry.pk]),
        {"meets": "no", "checked_on_day": "1", "checked_on_month": "1", "checked_on_year": "2999"},
    )

    assert "today or in the past" in response.context["form"].errors["checked_on"][0]


def test_nobody_else_may_review(client_for, org_admin, pa, client, entry, pending_service):
    urls = [
        reverse("directory:review"),
        reverse("directory:review_service", args=[pending_service.pk]),
        reverse("directory:review_standard", args=[entry.pk]),
    ]
    for person in (org_admin, pa):
        for url in urls:
            assert client_for(person).get(url).status_code == 403
    for url in urls:
        assert client.get(url).status_code == 302


def test_the_review_page_query_count_does_not_grow(
    client_for, admin, other_entry, django_assert_max_num_queries
):
    from tests.directory.conftest import make_service

    hub = client_for(admin)
    make_service(other_entry, approved=False, name="First")
    with django_assert_max_num_queries(20) as few:
        hub.get(reverse("directory:review"))
    for number in range(8):
        make_service(other_entry, approved=False, name=f"More {number}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        hub.get(reverse("directory:review"))
