"""Photos: checked, shrunk and stripped of hidden details; only shown to those who may see."""

from io import BytesIO

import pytest
from django.urls import reverse
from PIL import Image

from pahub.register.models import PAProfile
from pahub.register.photos import MAX_BYTES
from tests.register.profile.images import image_bytes, upload

PHOTO_STEP = reverse("register:profile_step", kwargs={"step": "photo"})


def stored_photo(pa) -> Image.Image:
    profile = PAProfile.objects.get(user=pa)
    with profile.photo.open("rb") as handle:
        image = Image.open(BytesIO(handle.read()))
        image.load()
    return image


def test_a_photo_is_stored_as_a_small_jpeg_without_exif(client_for, pa):
    sent = image_bytes(size=(2400, 1600), exif=True)
    assert Image.open(BytesIO(sent)).getexif()  # the test photo really has EXIF, GPS included

    response = client_for(pa).post(
        PHOTO_STEP, {"photo": upload("me.jpg", sent), "then": "continue"}
    )

    assert response.status_code == 302
    image = stored_photo(pa)
    assert image.format == "JPEG"
    assert max(image.size) <= 800
    assert image.size == (800, 533)
    assert not image.getexif()
    assert "exif" not in image.info
    assert b"PhoneMaker" not in PAProfile.objects.get(user=pa).photo.open("rb").read()


def test_the_stored_file_name_is_random_and_not_the_uploaded_name(client_for, pa):
    client_for(pa).post(PHOTO_STEP, {"photo": upload("Jordan Reed NE3 1AA.jpg", image_bytes())})

    name = PAProfile.objects.get(user=pa).photo.name
    assert "Jordan" not in name
    assert name.endswith(".jpg")


@pytest.mark.parametrize("image_format", ["PNG", "WEBP"])
def test_png_and_webp_photos_are_accepted_and_turned_into_jpeg(client_for, pa, image_format):
    content = image_bytes(size=(300, 300), image_format=image_format)

    response = client_for(pa).post(
        PHOTO_STEP, {"photo": upload(f"me.{image_format.lower()}", content, "image/png")}
    )

    assert response.status_code == 302
    assert stored_photo(pa).format == "JPEG"


def test_a_transparent_png_gets_a_white_background(client_for, pa):
    transparent = Image.new("RGBA", (50, 50), (0, 0, 0, 0))
    output = BytesIO()
    transparent.save(output, format="PNG")

    client_for(pa).post(PHOTO_STEP, {"photo": upload("clear.png", output.getvalue())})

    assert stored_photo(pa).getpixel((25, 25)) == (255, 255, 255)


def error_on_page(response) -> str:
    assert response.status_code == 200
    content = response.content.decode()
    assert 'id="id_photo-error"' in content
    return content


def test_a_file_that_is_not_an_image_is_refused(client_for, pa):
    response = client_for(pa).post(
        PHOTO_STEP, {"photo": upload("cv.jpg", b"%PDF-1.7 not a photo", "image/jpeg")}
    )

    assert "The photo must be a JPEG, PNG or WebP image" in error_on_page(response)
    assert not PAProfile.objects.get(user=pa).photo


def test_a_gif_is_refused(client_for, pa):
    content = image_bytes(size=(20, 20), image_format="GIF")

    response = client_for(pa).post(PHOTO_STEP, {"photo": upload("me.gif", content, "image/gif")})

    assert "The photo must be a JPEG, PNG or WebP image" in error_on_page(response)


def test_a_photo_over_5_mb_is_refused(client_for, pa):
    oversized = image_bytes(size=(100, 100)) + b"\0" * MAX_BYTES

    response = client_for(pa).post(PHOTO_STEP, {"photo": upload("huge.jpg", oversized)})

    assert "The photo must be smaller than 5 MB" in error_on_page(response)
    assert not PAProfile.objects.get(user=pa).photo


def test_a_photo_over_40_megapixels_is_refused_before_it_is_decoded(client_for, pa):
    # One bit per pixel and one colour, so it is small to send but huge to decode.
    enormous = Image.new("1", (8000, 5001))
    output = BytesIO()
    enormous.save(output, format="PNG")
    assert len(output.getvalue()) < MAX_BYTES

    response = client_for(pa).post(PHOTO_STEP, {"photo": upload("big.png", output.getvalue())})

    assert "40 megapixels or fewer" in error_on_page(response)


def test_a_damaged_image_is_refused(client_for, pa):
    damaged = image_bytes()[:400]

    response = client_for(pa).post(PHOTO_STEP, {"photo": upload("broken.jpg", damaged)})

    assert "could not be read" in error_on_page(response)


def test_answering_the_photo_step_without_a_photo_is_fine(client_for, pa):
    response = client_for(pa).post(PHOTO_STEP, {"then": "continue"})

    assert response.status_code == 302
    profile = PAProfile.objects.get(user=pa)
    assert "photo" in profile.completed_steps
    assert not profile.photo


def test_removing_the_photo_deletes_the_file(
    client_for, pa, photo_storage, django_capture_on_commit_callbacks
):
    client = client_for(pa)
    client.post(PHOTO_STEP, {"photo": upload("me.jpg", image_bytes())})
    name = PAProfile.objects.get(user=pa).photo.name
    assert photo_storage.exists(name)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(PHOTO_STEP, {"remove_photo": "on"})

    assert not PAProfile.objects.get(user=pa).photo
    assert not photo_storage.exists(name)


def test_a_new_photo_replaces_the_old_file(
    client_for, pa, photo_storage, django_capture_on_commit_callbacks
):
    client = client_for(pa)
    client.post(PHOTO_STEP, {"photo": upload("me.jpg", image_bytes())})
    old_name = PAProfile.objects.get(user=pa).photo.name

    with django_capture_on_commit_callbacks(execute=True):
        client.post(PHOTO_STEP, {"photo": upload("me2.jpg", image_bytes(size=(400, 400)))})

    new_name = PAProfile.objects.get(user=pa).photo.name
    assert new_name != old_name
    assert photo_storage.exists(new_name)
    assert not photo_storage.exists(old_name)


# Who can see the photo ------------------------------------------------------------------------


@pytest.fixture
def profile_with_photo(pa_profile, client_for) -> PAProfile:
    client_for(pa_profile.user).post(PHOTO_STEP, {"photo": upload("me.jpg", image_bytes())})
    return PAProfile.objects.get(pk=pa_profile.pk)


def photo_url(profile: PAProfile) -> str:
    return reverse("register:profile_photo", kwargs={"profile_id": profile.pk})


def test_the_pa_sees_their_own_photo_privately_cached(client_for, profile_with_photo):
    response = client_for(profile_with_photo.user).get(photo_url(profile_with_photo))

    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["Cache-Control"] == "private, max-age=3600"
    assert b"".join(response.streaming_content).startswith(b"\xff\xd8")


def test_an_employer_sees_the_photo_of_a_profile_visible_to_them(
    client_for, employer, profile_with_photo
):
    assert client_for(employer).get(photo_url(profile_with_photo)).status_code == 200


@pytest.mark.parametrize("change", [{"visibility": "hidden"}, {"is_paused": True}])
def test_an_employer_cannot_fetch_the_photo_of_a_hidden_or_paused_profile(
    client_for, employer, profile_with_photo, change
):
    PAProfile.objects.filter(pk=profile_with_photo.pk).update(**change)

    assert client_for(employer).get(photo_url(profile_with_photo)).status_code == 404


def test_an_anonymous_visitor_cannot_fetch_a_photo(client, profile_with_photo):
    response = client.get(photo_url(profile_with_photo))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_another_pa_cannot_fetch_a_photo(client_for, other_pa, profile_with_photo):
    assert client_for(other_pa).get(photo_url(profile_with_photo)).status_code == 404


def test_a_profile_without_a_photo_has_no_photo_to_fetch(client_for, pa_profile):
    assert client_for(pa_profile.user).get(photo_url(pa_profile)).status_code == 404
