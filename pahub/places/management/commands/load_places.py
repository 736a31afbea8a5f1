from argparse import ArgumentParser
from pathlib import Path

from django.core.management.base import BaseCommand

from pahub.places.dataset import DISTRICTS_CSV, NORTH_EAST_CSV, read_places_data
from pahub.places.loading import TableSync, places_sync


class Command(BaseCommand):
    help = (
        "Re-sync postcode districts and local authorities from the data files in "
        "pahub/places/data/. Safe to run repeatedly; never deletes districts or authorities."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--districts-csv", type=Path, default=DISTRICTS_CSV)
        parser.add_argument("--north-east-csv", type=Path, default=NORTH_EAST_CSV)

    def handle(self, *args: object, districts_csv: Path, north_east_csv: Path, **options: object):
        data = read_places_data(districts_csv=districts_csv, north_east_csv=north_east_csv)
        result = places_sync(data=data)
        self._report("Local authorities", result.local_authorities)
        self._report("Districts", result.districts)
        self.stdout.write(f"District shares removed: {result.district_shares_removed}")

    def _report(self, label: str, table: TableSync) -> None:
        self.stdout.write(
            f"{label}: {table.created} created, {table.updated} updated, "
            f"{table.unchanged} unchanged"
        )
        if table.missing_from_data:
            self.stdout.write(
                self.style.WARNING(
                    f"{label} in the database but not in the data (kept): "
                    + ", ".join(table.missing_from_data)
                )
            )
