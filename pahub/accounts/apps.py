from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "pahub.accounts"
    label = "accounts"
    verbose_name = "Accounts, roles and organisations"

    def ready(self) -> None:
        from pahub.accounts import signals  # noqa: F401  (connects audit receivers)
