"""The Care Certificate's 16 standards (updated March 2025 by Skills for Care, NHS England
and Skills for Health). A module names the standards it gives evidence for, by number, so a
PA can use it towards the Care Certificate later."""

STANDARDS: tuple[tuple[str, str], ...] = (
    ("1", "1. Understand your role"),
    ("2", "2. Your personal development"),
    ("3", "3. Duty of care"),
    ("4", "4. Equality, diversity, inclusion and human rights"),
    ("5", "5. Work in a person-centred way"),
    ("6", "6. Communication"),
    ("7", "7. Privacy and dignity"),
    ("8", "8. Fluids and nutrition"),
    ("9", "9. Awareness of mental health and dementia"),
    ("10", "10. Safeguarding adults"),
    ("11", "11. Safeguarding children"),
    ("12", "12. Basic life support"),
    ("13", "13. Health and safety"),
    ("14", "14. Handling information"),
    ("15", "15. Infection prevention and control"),
    ("16", "16. Awareness of learning disability and autism"),
)
