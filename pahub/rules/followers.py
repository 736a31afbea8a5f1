"""Apps that keep work in step with a council's rules, called when its rules change.

Jobs and cover sit above rules in the layers, so rules cannot import them. Each registers a
follower here from its AppConfig.ready(); `rules.services` calls every follower inside the
same transaction as the change, so a rule and the open work it raises are saved together or
not at all. A follower nobody registered does nothing.
"""

from collections.abc import Callable
from typing import Any

# Called as follower(council_id=..., by=...) after any rule of that council changed.
RuleFollower = Callable[..., Any]
_followers: dict[str, RuleFollower] = {}


def register_rule_follower(name: str, follower: RuleFollower) -> None:
    _followers[name] = follower


def tell_followers(*, council_id: str, by: Any) -> None:
    for follower in _followers.values():
        follower(council_id=council_id, by=by)
