"""A council's plain address: /areas/gateshead/, not /areas/E08000037/.

A slug is given once, when the authority is first loaded, and then kept (a rename in the
ONS data does not move a spoke people have bookmarked).
"""

from django.utils.text import slugify


def local_authority_slug(name: str, gss_code: str, taken: set[str]) -> str:
    """The name slugified; two authorities with one name (none today) are told apart by code."""
    slug = slugify(name)[:100] or gss_code.lower()
    if slug in taken:
        slug = f"{slug}-{gss_code.lower()}"
    taken.add(slug)
    return slug
