"""The topics of PA learning (report Fig. 5-1 and the induction's contents), in one place.

Modules, providers' courses and events, and the self-assessment all name these keys, so a
gap found by the self-assessment leads to the modules and events that cover it.
"""

from django.db import models


class Topic(models.TextChoices):
    BEING_A_PA = "being_a_pa", "What to expect as a PA"
    PERSON_CENTRED = "person_centred", "Person-centred working"
    JOBS_AND_TASKS = "jobs_and_tasks", "Jobs and tasks"
    EMPLOYMENT = "employment", "Contracts, hours, pay, holiday and tax"
    BOUNDARIES = "boundaries", "Boundaries and working in someone's home"
    SAFEGUARDING = "safeguarding", "Safeguarding and raising a concern"
    PROBLEMS = "problems", "When things go wrong, and who to turn to"
    RECORDS = "records", "Keeping records"
    HEALTH_AND_SAFETY = "health_and_safety", "Health and safety, moving and handling"
    COMMUNICATION = "communication", "Communication and interpersonal skills"
    PERSONAL_DEVELOPMENT = "personal_development", "Personal development and career pathways"
    RECRUITING = "recruiting", "Recruiting, interviewing and checks"
    EMPLOYER_DUTIES = "employer_duties", "Being an employer: payroll, tax, pensions, insurance"
    MANAGING = "managing", "Supervision, support and ending employment"
