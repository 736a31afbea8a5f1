from django.apps import AppConfig


class MessagingConfig(AppConfig):
    name = "pahub.messaging"
    label = "messaging"
    verbose_name = "Messaging"

    def ready(self) -> None:
        from pahub.accounts.navigation import register_header_count
        from pahub.messaging.queries import unread_message_count

        register_header_count("messages", unread_message_count)
