"""The weekly grid: keys and bitmasks turn into each other without loss, form included."""

from hypothesis import given
from hypothesis import strategies as st

from pahub.register.availability import ALL_SLOTS, FULL_WEEK, keys_from_mask, mask_from_keys
from pahub.register.models import PAProfile
from pahub.register.profile.forms import AvailabilityForm

slot_keys = st.lists(st.sampled_from([slot.key for slot in ALL_SLOTS]), max_size=60)


@given(slot_keys)
def test_keys_survive_a_round_trip_through_the_mask(keys):
    assert set(keys_from_mask(mask_from_keys(keys))) == set(keys)


@given(slot_keys)
def test_keys_come_back_in_the_grids_order_without_repeats(keys):
    order = [slot.key for slot in ALL_SLOTS]
    back = keys_from_mask(mask_from_keys(keys))

    assert back == sorted(set(keys), key=order.index)


@given(st.integers(min_value=0, max_value=FULL_WEEK))
def test_every_mask_survives_a_round_trip_through_the_keys(mask):
    assert mask_from_keys(keys_from_mask(mask)) == mask


@given(st.lists(st.sampled_from([slot.key for slot in ALL_SLOTS]), min_size=1, unique=True))
def test_the_availability_form_saves_exactly_the_cells_ticked(keys):
    form = AvailabilityForm({"availability": keys}, profile=PAProfile())

    assert form.is_valid(), form.errors
    assert form.changes() == {"availability": mask_from_keys(keys)}
    ticked = [cell.key for row in form.grid() for cell in row.cells if cell.checked]
    assert set(ticked) == set(keys)


@given(st.integers(min_value=0, max_value=FULL_WEEK))
def test_the_grid_shows_a_saved_mask_ticked(mask):
    form = AvailabilityForm(profile=PAProfile(availability=mask))

    ticked = [cell.key for row in form.grid() for cell in row.cells if cell.checked]

    assert mask_from_keys(ticked) == mask
