from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "pahub.accounts"
    label = "accounts"
    verbose_name = "Accounts, roles and organisations"

    def ready(self) -> None:
        from pahub.accounts import signals  # noqa: F401  (connects audit receivers)
        from pahub.accounts.api import may_see_service_details
        from pahub.core.api import register_health_details_rule

        register_health_details_rule(may_see_service_details)
