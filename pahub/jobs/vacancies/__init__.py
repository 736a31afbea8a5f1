"""Jobs: vacancies feature."""
