"""Reflow at 320 CSS pixels (WCAG 1.4.10): a page must not scroll sideways.

Content may be wider than the screen only inside a region that scrolls by itself and that a
keyboard user can reach (`tabindex="0"`, as the `app-table-scroll` region has). The check
names the widest element that pushes the page sideways, so a failure says what to fix.
"""

from dataclasses import dataclass

NARROW = {"width": 320, "height": 640}

# Runs in the page. Returns how wide the document is, the element that sticks out furthest
# (ignoring anything inside a region that scrolls by itself), and scrolling regions a
# keyboard user could not reach.
REFLOW_SCRIPT = """
() => {
  const root = document.documentElement;
  const scrolls = (el) => {
    const overflow = getComputedStyle(el).overflowX;
    return (overflow === "auto" || overflow === "scroll") && el.scrollWidth > el.clientWidth + 1;
  };
  const describe = (el) => {
    let name = el.tagName.toLowerCase();
    if (el.id) name += "#" + el.id;
    const classes = [...el.classList].slice(0, 3);
    if (classes.length) name += "." + classes.join(".");
    const text = (el.innerText || el.value || "").replace(/\\s+/g, " ").trim().slice(0, 50);
    return text ? `${name} ("${text}")` : name;
  };
  const all = [...document.body.querySelectorAll("*")];
  const scrollers = new Set(all.filter(scrolls));
  const insideScroller = (el) => {
    for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
      if (scrollers.has(up)) return true;
    }
    return false;
  };
  let widest = null;
  let widestRight = root.clientWidth;
  for (const el of all) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || insideScroller(el)) continue;
    if (box.right > widestRight + 0.5) {
      widest = el;
      widestRight = box.right;
    }
  }
  const unreachable = [...scrollers]
    .filter((el) => el.tabIndex < 0 && !el.querySelector("a[href], button, input, select, textarea, [tabindex='0']"))
    .map(describe);
  return {
    scrollWidth: root.scrollWidth,
    clientWidth: root.clientWidth,
    widest: widest ? `${describe(widest)} reaching ${Math.round(widestRight)}px` : "",
    unreachable,
  };
}
"""


@dataclass(frozen=True)
class Reflow:
    scroll_width: int
    client_width: int
    widest: str
    unreachable: list[str]

    @property
    def scrolls_sideways(self) -> bool:
        return self.scroll_width > self.client_width

    def problem(self) -> str:
        """What is wrong, in one line, or "" when the page reflows."""
        found = []
        if self.scrolls_sideways:
            found.append(
                f"scrolls sideways ({self.scroll_width}px wide in {self.client_width}px); "
                f"widest: {self.widest or 'not found'}"
            )
        if self.unreachable:
            found.append("scrolling region a keyboard cannot reach: " + "; ".join(self.unreachable))
        return " | ".join(found)


def measure_reflow(page) -> Reflow:
    found = page.evaluate(REFLOW_SCRIPT)
    return Reflow(
        scroll_width=found["scrollWidth"],
        client_width=found["clientWidth"],
        widest=found["widest"],
        unreachable=found["unreachable"],
    )
