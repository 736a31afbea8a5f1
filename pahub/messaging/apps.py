from django.apps import AppConfig


class MessagingConfig(AppConfig):
    name = "pahub.messaging"
    label = "messaging"
    verbose_name = "Messaging"
