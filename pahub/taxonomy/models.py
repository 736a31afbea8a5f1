"""The shared vocabulary both sides of PA Hub speak: skills (tasks), interests, languages.

PA profiles (register) and employers' profiles, jobs and cover requests all name these
rows, so they live below both `register` and `employers`. Admins edit them; the starting
rows come from `vocabulary.py`. Until migration `taxonomy.0001` they were register's
models, and their rows, ids and join tables were kept when they moved here.
"""

from django.db import models


class SkillCategory(models.Model):
    name = models.CharField(max_length=80, unique=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name_plural = "skill categories"

    def __str__(self) -> str:
        return self.name


class Skill(models.Model):
    """One task or skill from the shared taxonomy, editable by admins."""

    code = models.SlugField(max_length=60, unique=True, help_text="Stable id, e.g. mobility.hoist")
    category = models.ForeignKey(SkillCategory, on_delete=models.PROTECT, related_name="skills")
    name = models.CharField(max_length=120)
    description = models.TextField(help_text="What this means, in plain English.")
    is_specialist = models.BooleanField(
        default=False, help_text="Evidence of this skill counts towards Level 4."
    )
    is_active = models.BooleanField(default=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["category__position", "position", "name"]

    def __str__(self) -> str:
        return self.name


class Interest(models.Model):
    name = models.CharField(max_length=60, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Language(models.Model):
    code = models.SlugField(max_length=20, unique=True)
    name = models.CharField(max_length=60, unique=True)
    is_signed = models.BooleanField(default=False, help_text="A sign language or signing system.")

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
