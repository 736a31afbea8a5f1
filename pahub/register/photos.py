"""Profile photos: checked with Pillow, re-encoded without metadata, served through a check.

A photo from a phone carries EXIF data: often the GPS position where it was taken, which for
a PA is usually their home. So an upload is never stored as sent: it is decoded, turned the
right way up, shrunk to at most 800 x 800 pixels and saved as a fresh JPEG that holds
nothing but pixels. Photos live in private storage and are only sent to people who may see
the profile.
"""

from io import BytesIO

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from PIL import Image, ImageOps, UnidentifiedImageError

from pahub.register.models import PAProfile
from pahub.register.permissions import can_view_profile

MAX_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 40_000_000
MAX_SIDE = 800
ALLOWED_FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP"}
JPEG_QUALITY = 85

NOT_AN_IMAGE = "The photo must be a JPEG, PNG or WebP image"


class PhotoError(ValueError):
    pass


def photo_from_upload(upload: UploadedFile) -> ContentFile:
    """A clean JPEG made from an upload; raises PhotoError with a message for the person."""
    if upload.size is not None and upload.size > MAX_BYTES:
        raise PhotoError("The photo must be smaller than 5 MB")
    upload.seek(0)
    try:
        with Image.open(upload) as image:
            # Opening reads only the header, so these checks come before any decoding.
            if image.format not in ALLOWED_FORMATS:
                raise PhotoError(NOT_AN_IMAGE)
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise PhotoError("The photo is too large: it must be 40 megapixels or fewer")
            image.load()
            return ContentFile(_clean_jpeg(image), name="photo.jpg")
    except PhotoError:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError):
        raise PhotoError(NOT_AN_IMAGE) from None
    except (OSError, SyntaxError, ValueError):
        # Pillow's ways of saying a file that looked like an image would not decode.
        raise PhotoError("The photo could not be read: it may be damaged. Try another") from None


def _clean_jpeg(image: Image.Image) -> bytes:
    # Turn it the right way up before the orientation tag is dropped with the rest.
    upright = ImageOps.exif_transpose(image)
    if upright.mode in ("RGBA", "LA", "PA") or "transparency" in upright.info:
        rgba = upright.convert("RGBA")
        flat = Image.new("RGB", rgba.size, "white")
        flat.paste(rgba, mask=rgba.getchannel("A"))
    else:
        flat = upright.convert("RGB")
    flat.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    # A new image holds pixels only: no EXIF, ICC profile, XMP or comments can come along.
    clean = Image.new("RGB", flat.size)
    clean.paste(flat)
    output = BytesIO()
    clean.save(output, format="JPEG", quality=JPEG_QUALITY, optimize=True)
    return output.getvalue()


def access_photo_for_viewer(viewer, profile_id: int) -> PAProfile:
    """The profile whose photo this person may see; 404 if none, or if they may not."""
    profile = get_object_or_404(PAProfile.objects.select_related("user"), pk=profile_id)
    if not profile.photo or not can_view_profile(viewer, profile):
        raise Http404
    return profile


def photo_response(profile: PAProfile) -> FileResponse:
    response = FileResponse(profile.photo.open("rb"), content_type="image/jpeg")
    # Private: shared caches must never keep a photo a PA may later hide.
    response["Cache-Control"] = "private, max-age=3600"
    return response
