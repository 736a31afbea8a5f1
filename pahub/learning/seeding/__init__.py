"""Learning at scale for the PAs `manage.py seed` creates: module completions and quiz attempts,
certificates, CPD logs, self-assessments and learning plans, and providers' events with
bookings. Deterministic and fast, like the rest of the seed.

What a seeded population looks like (shares of the seed's PAs, drawn from one
``random.Random`` stream per seed, in a fixed order):

- 35% finished the whole induction-like course (the induction if one is loaded, otherwise the
  first course) and hold its certificate; a third of them also started another course;
- 25% more did some of its modules but not all; the other 40% have done none;
- every passed module has its passing quiz attempt, and one in seven a failed try before it;
- 40% keep a CPD log, a few entries a year since they joined, some of them from modules;
- 30% took the self-assessment and have a learning plan: modules and events for each topic
  they want to learn, ticked off where they have done the module.

With ``--learning-heavy-pa``, the seed's first PA (``seed-<seed>-pa-1@…``) is a heavy learner,
the one the benchmark signs in as (`bench/learning_bench.py`): exactly 200 module completions,
a certificate for every course those finish, a long CPD log, every topic rated and a plan of
about 30 steps.

Courses to complete: if no course is published (no content loaded), the seed adds two
synthetic courses named "Seeded practice course N" of ten modules each, through the one
service that publishes a module version; for the heavy PA it adds more until 200 modules are
published. They exist only in seeded databases and say so on every page.

Everything else goes in with ``bulk_create`` (and the certificates' module versions straight
into their table), a batch of people at a time; nothing is audited and nobody is notified:
seeding is a developer tool, not something a person did.
"""

from pahub.learning.seeding.content import practice_module_spec
from pahub.learning.seeding.context import HEAVY_PA_COMPLETIONS, TRAINING_PROVIDER_NAME
from pahub.learning.seeding.load import heavy_pa_email, seed_extension, seed_learning

__all__ = [
    "HEAVY_PA_COMPLETIONS",
    "TRAINING_PROVIDER_NAME",
    "heavy_pa_email",
    "practice_module_spec",
    "seed_extension",
    "seed_learning",
]
