"""API: the shared taxonomy of tasks and skills (GET /taxonomy/skills, public).

Profiles, jobs and cover requests name skills by these codes.
"""

from django.db.models import Prefetch
from django.http import HttpRequest
from ninja import Router, Schema

from pahub.taxonomy.models import Skill, SkillCategory

router = Router(tags=["taxonomy"])


class SkillOut(Schema):
    code: str
    name: str
    description: str
    is_specialist: bool


class SkillCategoryOut(Schema):
    name: str
    skills: list[SkillOut]


@router.get(
    "/taxonomy/skills",
    response=list[SkillCategoryOut],
    auth=None,
    summary="The shared taxonomy of tasks and skills",
)
def skills_taxonomy(request: HttpRequest) -> list[SkillCategoryOut]:
    active = Prefetch("skills", queryset=Skill.objects.filter(is_active=True))
    categories = SkillCategory.objects.prefetch_related(active)
    return [
        SkillCategoryOut(
            name=category.name,
            skills=[
                SkillOut(
                    code=skill.code,
                    name=skill.name,
                    description=skill.description,
                    is_specialist=skill.is_specialist,
                )
                for skill in category.skills.all()
            ],
        )
        for category in categories
        if category.skills.all()
    ]
