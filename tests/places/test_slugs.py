"""Each council has a plain address for its spoke: /areas/gateshead/."""

import pytest

from pahub.places.models import LocalAuthority
from pahub.places.queries import local_authority_by_slug
from pahub.places.slugs import local_authority_slug

pytestmark = pytest.mark.django_db


def test_every_council_has_a_slug_from_its_name():
    assert LocalAuthority.objects.get(gss_code="E08000037").slug == "gateshead"
    assert LocalAuthority.objects.get(gss_code="E08000021").slug == "newcastle-upon-tyne"
    assert not LocalAuthority.objects.filter(slug="").exists()


def test_a_council_is_found_by_its_slug_and_an_unknown_slug_is_404():
    from django.http import Http404

    assert local_authority_by_slug("gateshead").gss_code == "E08000037"
    with pytest.raises(Http404):
        local_authority_by_slug("atlantis")


def test_two_councils_with_one_name_are_told_apart_by_code():
    taken: set[str] = set()
    assert local_authority_slug("Eden", "E07000030", taken) == "eden"
    assert local_authority_slug("Eden", "S12000099", taken) == "eden-s12000099"
