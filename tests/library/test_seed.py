"""`manage.py seed --resources N` fills the library at scale, searchable on either database."""

import io

from django.core.management import call_command

from pahub.library.models import Resource
from pahub.library.queries import LibraryFilters, search_resources
from pahub.library.seeding import seed_library


def test_the_seed_makes_published_resources_with_tags_and_audiences(db):
    assert seed_library(seed=7, count=23, batch_size=10) == 23
    resources = Resource.objects.filter(slug__startswith="seeded-7-")
    assert resources.count() == 23
    for resource in resources.prefetch_related("tags", "audiences"):
        assert resource.current_version.number == 1
        assert len(resource.tags.all()) == 2
        assert resource.audiences.all()


def test_seeded_resources_are_found_by_the_search(db):
    seed_library(seed=7, count=40)
    found = search_resources(LibraryFilters(text="payroll"), council_id=None)
    assert found.filter(slug__startswith="seeded-7-").exists()


def test_seeding_again_replaces_rather_than_adds(db):
    seed_library(seed=7, count=10)
    seed_library(seed=7, count=4)
    assert Resource.objects.filter(slug__startswith="seeded-7-").count() == 4


def test_the_seed_command_takes_resources(db):
    out = io.StringIO()
    call_command("seed", "--pas=0", "--employers=0", "--resources=12", "--seed=9", stdout=out)
    assert "Library: 12 resources" in out.getvalue()
