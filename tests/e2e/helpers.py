"""Small steps the browser journeys share."""

import re
import time

from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.core import mail

LINK = re.compile(r"https?://[^\s]+")


def last_link_sent_to(email: str, containing: str) -> str:
    """The link in the newest email to `email` whose address contains `containing`."""
    for message in reversed(mail.outbox):
        if email in message.to:
            for link in LINK.findall(message.body):
                if containing in link:
                    return link
    sent = [(m.to, m.subject) for m in mail.outbox]
    raise AssertionError(f"No email to {email} with a link containing {containing!r}: {sent}")


def path_of(link: str) -> str:
    """Emails carry SITE_URL; the journey follows the path on the live server."""
    return re.sub(r"^https?://[^/]+", "", link)


def totp_code(secret: str) -> str:
    """The current code, never one about to expire: a code typed in the last seconds of its
    30-second window may reach the server in the next one."""
    if 30 - time.time() % 30 < 3:
        time.sleep(3)
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def sign_in(page, *, email: str, password: str) -> None:
    page.goto("/accounts/login/")
    page.get_by_label(re.compile("^Email", re.I)).fill(email)
    page.get_by_label(re.compile("^Password", re.I)).fill(password)
    page.get_by_role("button", name=re.compile("^Sign in", re.I)).click()


def sign_out(page) -> None:
    page.get_by_role("button", name="Sign out").first.click()


# Keyboard-only journeys: move with Tab and Shift+Tab, act with Enter and Space.

MOST_TABS = 150

# What a keyboard user hears for the focused element: a field's label, a link's or button's
# text. Radios and checkboxes are named by their own label, not the group's legend.
FOCUSED_NAME = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return "";
  if (el.labels && el.labels.length) return el.labels[0].innerText;
  return el.getAttribute("aria-label") || el.innerText || el.value || "";
}"""

# GOV.UK Frontend shows focus with a yellow outline or box shadow; on radios and checkboxes
# the input itself is hidden and the ring is drawn on its label's ::before.
FOCUS_IS_VISIBLE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return false;
  const shown = (style) =>
    (style.outlineStyle !== "none" && style.outlineWidth !== "0px"
      && style.outlineColor !== "rgba(0, 0, 0, 0)")
    || (style.boxShadow && style.boxShadow !== "none");
  if (el.type === "radio" || el.type === "checkbox") {
    return shown(getComputedStyle(el.labels[0], "::before"));
  }
  return shown(getComputedStyle(el));
}"""


def focused_name(page) -> str:
    # Visually hidden text is a block of its own to innerText: join it as a screen reader does.
    return " ".join((page.evaluate(FOCUSED_NAME) or "").split())


def tab_to(page, name: str | re.Pattern[str], *, backwards: bool = False) -> None:
    """Press Tab (or Shift+Tab) until the focused element is the control called `name`, as a
    keyboard user would; fail if it is not in the focus order. The focus must be visible."""
    wanted = name if isinstance(name, re.Pattern) else re.compile(f"^{re.escape(name)}$")
    key = "Shift+Tab" if backwards else "Tab"
    for _ in range(MOST_TABS):
        page.keyboard.press(key)
        if wanted.search(focused_name(page)):
            assert_focus_is_visible(page)
            return
    raise AssertionError(f"{name!r} is not reachable with {key}")


def assert_focus_is_visible(page) -> None:
    assert page.evaluate(FOCUS_IS_VISIBLE), f"No visible focus on {focused_name(page)!r}"


def sign_in_by_keyboard(page, *, email: str, password: str, totp_secret: str | None = None) -> None:
    """The sign-in form, Tab by Tab from the top of the page, then the second factor's code."""
    page.goto("/accounts/login/")
    tab_to(page, re.compile("^Email"))
    page.keyboard.type(email)
    tab_to(page, re.compile("^Password"))
    page.keyboard.type(password)
    tab_to(page, re.compile("^Sign in"))
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "/accounts/login/" not in url)
    if totp_secret is not None:
        code_page = page.url
        tab_to(page, re.compile("code", re.I))
        page.keyboard.type(totp_code(totp_secret))
        page.keyboard.press("Enter")
        page.wait_for_url(lambda url: url != code_page)
