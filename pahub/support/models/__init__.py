"""Support's data: safeguarding concerns and requests for help (docs/support.md)."""

from pahub.support.models.concerns import Concern, ConcernNote
from pahub.support.models.help import HelpCall, HelpMessage, HelpRequest

__all__ = ["Concern", "ConcernNote", "HelpCall", "HelpMessage", "HelpRequest"]
