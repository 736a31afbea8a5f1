"""Private uploads of evidence documents: checked by content, stored privately, sent only
through a permission check.

A file is accepted only when its name ends in an accepted extension AND its content really
is that kind of file: a PDF starts with `%PDF-`; a JPEG or PNG is opened and verified by
Pillow. The browser's content type is ignored, because anyone can set it. Documents are
stored under random names in private storage (`models.private_upload_path`); MEDIA_URL is
not routed, so the only way to read one is `evidence.views.evidence_document`.
"""

import unicodedata
import warnings
from dataclasses import dataclass
from pathlib import PurePath

from django import forms
from django.core.files.uploadedfile import UploadedFile
from PIL import Image

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
ACCEPTED_EXTENSIONS = {"pdf": "pdf", "jpg": "jpg", "jpeg": "jpg", "png": "png"}
CONTENT_TYPES = {"pdf": "application/pdf", "jpg": "image/jpeg", "png": "image/png"}
PILLOW_FORMATS = {"JPEG": "jpg", "PNG": "png"}

WRONG_TYPE = "The selected file must be a PDF, JPG or PNG"
NOT_REAL = (
    "The selected file is not a real PDF, JPG or PNG. Save or scan your document again "
    "as one of those, then choose it"
)
TOO_BIG = "The selected file must be smaller than 10MB"
EMPTY = "The selected file is empty"


@dataclass(frozen=True)
class CheckedUpload:
    """An upload whose size and real type have been checked."""

    file: UploadedFile
    extension: str  # what the content really is: "pdf", "jpg" or "png"
    original_name: str

    @property
    def content_type(self) -> str:
        return CONTENT_TYPES[self.extension]


def safe_display_name(name: str) -> str:
    """The original file name, kept only to name the download: no path, no control characters."""
    base = PurePath(name.replace("\\", "/")).name
    cleaned = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C").strip()
    return cleaned[:200] or "document"


def sniff(upload: UploadedFile) -> str | None:
    """What the content really is ("pdf", "jpg", "png"), or None."""
    upload.seek(0)
    head = upload.read(5)
    upload.seek(0)
    if head == b"%PDF-":
        return "pdf"
    try:
        # A huge image is an attack on memory, not a document: treat Pillow's warning as a no.
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as image:
                image_format = image.format
                image.verify()
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError, Warning):
        return None
    finally:
        upload.seek(0)
    return PILLOW_FORMATS.get(image_format or "")


def check_upload(upload: UploadedFile) -> CheckedUpload:
    """Accept a PDF, JPEG or PNG of at most 10 MB, or raise ValidationError saying why not."""
    name = upload.name or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in ACCEPTED_EXTENSIONS:
        raise forms.ValidationError(WRONG_TYPE, code="wrong_type")
    if not upload.size:
        raise forms.ValidationError(EMPTY, code="empty")
    if upload.size > MAX_UPLOAD_BYTES:
        raise forms.ValidationError(TOO_BIG, code="too_big")
    real = sniff(upload)
    if real is None:
        raise forms.ValidationError(NOT_REAL, code="not_real")
    return CheckedUpload(file=upload, extension=real, original_name=safe_display_name(name))


class DocumentField(forms.FileField):
    """An optional evidence document; cleans to a `CheckedUpload` (or None)."""

    widget = forms.FileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"})

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", "Upload a copy (optional)")
        kwargs.setdefault("help_text", "A PDF, JPG or PNG, smaller than 10MB.")
        kwargs.setdefault("error_messages", {"empty": EMPTY, "invalid": WRONG_TYPE})
        super().__init__(**kwargs)

    def clean(self, data, initial=None) -> CheckedUpload | None:
        upload = super().clean(data, initial)
        if not upload:
            return None
        return check_upload(upload)
