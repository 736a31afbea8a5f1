"""Two-factor rules PA Hub adds to allauth.mfa."""

from allauth.mfa.adapter import DefaultMFAAdapter

from pahub.accounts.permissions import must_use_two_factor


class MFAAdapter(DefaultMFAAdapter):
    def can_delete_authenticator(self, authenticator) -> bool:
        # Staff and site admins see other people's data: they may replace their
        # authenticator app, but never be left without one.
        if must_use_two_factor(authenticator.user) and authenticator.type == "totp":
            return False
        return super().can_delete_authenticator(authenticator)
