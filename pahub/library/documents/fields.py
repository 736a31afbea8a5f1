"""The catalogue of fields a template may ask for: every `{{ name }}` in a template is here.

Each field says where its value comes from. Values PA Hub holds (the job, the employer, the
PA hired, a figure it works out) are filled in by `values.values_for_job`; the others are typed
by the employer on the fill page for one document and never stored. The place of work is
both: PA Hub knows the district, and an address typed on the page replaces it.
"""

from dataclasses import dataclass
from enum import StrEnum


class Origin(StrEnum):
    JOB = "the job"
    EMPLOYER = "the employer's profile"
    HIRED_PA = "the PA hired for the job"
    WORKED_OUT = "worked out by PA Hub"
    TYPED = "typed on the fill page, for this document only"


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    origin: Origin
    hint: str = ""
    # A block is a list, one item a line; it stands on a line of its own in a template.
    block: bool = False
    # PA Hub's value may be replaced by what the employer types (the place of work).
    typed_replaces: bool = False


FIELDS: tuple[Field, ...] = (
    Field("employer_name", "Employer's name", Origin.EMPLOYER),
    Field("pa_name", "PA's name", Origin.HIRED_PA, hint="Filled in once someone is hired."),
    Field("job_title", "Job title", Origin.JOB),
    Field("job_summary", "What the job is about", Origin.JOB),
    Field("duties", "The PA's tasks", Origin.JOB, hint="One task a line.", block=True),
    Field("requirements", "What the PA must have", Origin.JOB, block=True),
    Field("dbs_check", "DBS check", Origin.JOB),
    Field("kind_of_work", "Type of work", Origin.JOB),
    Field("hours_per_week", "Hours a week", Origin.JOB),
    Field("working_days", "Days of work", Origin.JOB),
    Field("working_times", "Times of work", Origin.JOB, block=True),
    Field("hourly_pay", "Pay an hour", Origin.JOB),
    Field("weekly_pay", "Pay a week for the normal hours", Origin.WORKED_OUT),
    Field("holiday_entitlement", "Paid holiday", Origin.WORKED_OUT),
    Field(
        "place_of_work",
        "Address where the PA will work",
        Origin.JOB,
        hint=(
            "PA Hub shows only the postcode district. Type the full address to put it in "
            "this document; it is not saved."
        ),
        typed_replaces=True,
    ),
    Field("start_date", "Start date", Origin.JOB),
    Field("document_date", "Date of the document", Origin.WORKED_OUT),
    Field("statutory_notice", "Notice the law requires", Origin.WORKED_OUT),
    Field("employer_address", "Employer's address", Origin.TYPED),
    Field("employer_phone", "Employer's phone number", Origin.TYPED),
    Field("pa_address", "PA's address", Origin.TYPED),
    Field(
        "pay_interval", "How often the PA is paid", Origin.TYPED, hint="For example, every week."
    ),
    Field("pay_day", "Pay day", Origin.TYPED, hint="For example, every Friday."),
    Field("probation_period", "Probation period", Origin.TYPED, hint="For example, 3 months."),
    Field(
        "holiday_year_start",
        "Day the holiday year starts",
        Origin.TYPED,
        hint="For example, 1 April.",
    ),
    Field("pension_provider", "Workplace pension scheme", Origin.TYPED, hint="For example, NEST."),
    Field(
        "required_training",
        "Training the PA must do",
        Origin.TYPED,
        hint="For example, moving and handling, and first aid.",
    ),
    Field("referee_name", "Referee's name", Origin.TYPED),
    Field("interview_date", "Interview date", Origin.TYPED),
    Field("meeting_date", "Date of the meeting", Origin.TYPED),
    Field("week_starting", "Week starting", Origin.TYPED),
    Field("last_working_day", "Last working day", Origin.TYPED),
    Field("reason_for_ending", "Reason the employment is ending", Origin.TYPED),
)
FIELD_BY_NAME: dict[str, Field] = {field.name: field for field in FIELDS}
