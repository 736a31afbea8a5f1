"""Changing a spoke: one function per action, each in one transaction and audited. Pages, the
demo and any future API all call these; nothing else saves a spoke's rows.

Staff only ever change the draft (its text, its team and its contacts). `spoke_publish`
copies the draft over the published version in one transaction, so the public page moves
from one whole version to the next and never shows half an edit. News items are published
one by one, since a piece of news is ready on its own.
"""

from dataclasses import asdict, dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone

from pahub.accounts.models import User
from pahub.core import audit
from pahub.places.models import LocalAuthority
from pahub.spokes.models import NewsItem, SpokeContact, SpokeContent

# The fields of a version that publishing copies (contacts are copied separately).
CONTENT_FIELDS = ("intro", "team_name", "team_phone", "team_email", "team_hours", "team_url")
CONTACT_FIELDS = ("name", "description", "phone", "email", "hours", "url", "position")


class SpokeError(Exception):
    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


@dataclass(frozen=True)
class ContentInput:
    intro: str = ""
    team_name: str = ""
    team_phone: str = ""
    team_email: str = ""
    team_hours: str = ""
    team_url: str = ""


@dataclass(frozen=True)
class ContactInput:
    name: str
    description: str = ""
    phone: str = ""
    email: str = ""
    hours: str = ""
    url: str = ""


@dataclass(frozen=True)
class NewsInput:
    title: str
    body: str
    date: date
    is_published: bool = False


def _draft_for_update(local_authority: LocalAuthority) -> SpokeContent:
    """The council's draft, locked for this transaction; made from the published version (or
    empty) the first time staff change anything, so an edit always starts from what is live."""
    draft = (
        SpokeContent.objects.select_for_update()
        .filter(local_authority=local_authority, version=SpokeContent.Version.DRAFT)
        .first()
    )
    if draft is not None:
        return draft
    published = (
        SpokeContent.objects.filter(
            local_authority=local_authority, version=SpokeContent.Version.PUBLISHED
        )
        .prefetch_related("contacts")
        .first()
    )
    draft = SpokeContent.objects.create(
        local_authority=local_authority,
        version=SpokeContent.Version.DRAFT,
        **{name: getattr(published, name) for name in CONTENT_FIELDS} if published else {},
    )
    if published is not None:
        _copy_contacts(source=published, target=draft)
    return draft


def _touch(draft: SpokeContent, by: User) -> None:
    """A change to the draft's contacts is a change to the draft: the manage page then offers
    to publish it."""
    draft.updated_by = by
    draft.save(update_fields=["updated_by", "updated_at"])


def _copy_contacts(*, source: SpokeContent, target: SpokeContent) -> None:
    target.contacts.all().delete()
    SpokeContact.objects.bulk_create(
        SpokeContact(content=target, **{name: getattr(contact, name) for name in CONTACT_FIELDS})
        for contact in source.contacts.all()
    )


@transaction.atomic
def spoke_draft_update(
    *, local_authority: LocalAuthority, by: User, values: ContentInput
) -> SpokeContent:
    """Save the introduction and the direct payment team to the draft; nothing public moves."""
    draft = _draft_for_update(local_authority)
    for name, value in asdict(values).items():
        setattr(draft, name, value)
    draft.updated_by = by
    draft.save(update_fields=[*CONTENT_FIELDS, "updated_by", "updated_at"])
    audit.record(by, "spoke.draft_saved", draft, council=local_authority.name)
    return draft


@transaction.atomic
def spoke_publish(*, local_authority: LocalAuthority, by: User) -> SpokeContent:
    """Copy the draft, with its contacts, over the published version."""
    draft = (
        SpokeContent.objects.select_for_update()
        .filter(local_authority=local_authority, version=SpokeContent.Version.DRAFT)
        .prefetch_related("contacts")
        .first()
    )
    if draft is None:
        raise SpokeError("There is no draft to publish. Change the draft first.")
    published, _ = SpokeContent.objects.select_for_update().get_or_create(
        local_authority=local_authority, version=SpokeContent.Version.PUBLISHED
    )
    for name in CONTENT_FIELDS:
        setattr(published, name, getattr(draft, name))
    published.updated_by = by
    published.published_at = timezone.now()
    published.save(update_fields=[*CONTENT_FIELDS, "updated_by", "updated_at", "published_at"])
    _copy_contacts(source=draft, target=published)
    audit.record(by, "spoke.published", published, council=local_authority.name)
    return published


@transaction.atomic
def spoke_contact_add(
    *, local_authority: LocalAuthority, by: User, values: ContactInput
) -> SpokeContact:
    draft = _draft_for_update(local_authority)
    last = draft.contacts.order_by("-position").values_list("position", flat=True).first()
    contact = SpokeContact.objects.create(content=draft, position=(last or 0) + 1, **asdict(values))
    _touch(draft, by)
    audit.record(by, "spoke.contact_added", contact, council=local_authority.name)
    return contact


@transaction.atomic
def spoke_contact_update(*, contact: SpokeContact, by: User, values: ContactInput) -> SpokeContact:
    for name, value in asdict(values).items():
        setattr(contact, name, value)
    contact.save(update_fields=list(asdict(values)))
    _touch(contact.content, by)
    audit.record(by, "spoke.contact_changed", contact)
    return contact


@transaction.atomic
def spoke_contact_remove(*, contact: SpokeContact, by: User) -> None:
    audit.record(by, "spoke.contact_removed", contact)
    _touch(contact.content, by)
    contact.delete()


@transaction.atomic
def news_item_add(*, local_authority: LocalAuthority, by: User, values: NewsInput) -> NewsItem:
    item = NewsItem.objects.create(local_authority=local_authority, created_by=by, **asdict(values))
    audit.record(
        by, "spoke.news_added", item, council=local_authority.name, published=item.is_published
    )
    return item


@transaction.atomic
def news_item_update(*, item: NewsItem, by: User, values: NewsInput) -> NewsItem:
    for name, value in asdict(values).items():
        setattr(item, name, value)
    item.save(update_fields=[*asdict(values), "updated_at"])
    audit.record(by, "spoke.news_changed", item, published=item.is_published)
    return item


@transaction.atomic
def news_item_unpublish(*, item: NewsItem, by: User) -> NewsItem:
    if not item.is_published:
        raise SpokeError("This news item is not published.")
    item.is_published = False
    item.save(update_fields=["is_published", "updated_at"])
    audit.record(by, "spoke.news_unpublished", item)
    return item
