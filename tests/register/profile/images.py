"""Images made in memory for photo tests."""

from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image


def image_bytes(
    *, size: tuple[int, int] = (1200, 900), image_format: str = "JPEG", exif: bool = False
) -> bytes:
    image = Image.new("RGB", size, (200, 120, 40))
    output = BytesIO()
    options = {}
    if exif:
        tags = Image.Exif()
        tags[0x010F] = "PhoneMaker"  # Make
        tags[0x0131] = "Secret Camera App"  # Software
        tags[0x8825] = {1: "N", 2: (54.0, 58.0, 30.0), 3: "W", 4: (1.0, 36.0, 0.0)}  # GPS
        options["exif"] = tags
    image.save(output, format=image_format, **options)
    return output.getvalue()


def upload(name: str, content: bytes, content_type: str = "image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)
