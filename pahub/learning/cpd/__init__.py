"""A PA's prior learning and CPD log: forms, services, queries, views, URLs, API and exports."""
