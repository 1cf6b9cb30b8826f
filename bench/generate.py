"""Write a generated campaign (sample cases, many regions and events) for benchmarks."""

import csv
import datetime as dt
import shutil
import sys
from pathlib import Path

from campaignkit import paths

REGION_COLUMNS = "id,code,name_fr,name_en,coordinator_name,coordinator_email,coordinator_phone"
EVENT_COLUMNS = (
    "id,region,title_fr,title_en,date,start,end,venue,address,city,expected_attendance,"
    "contact_name,contact_email,sample"
)


def generate(target: Path, regions: int, events: int) -> Path:
    """A campaign folder with `regions` regions and `events` events spread over them."""
    source = paths.DEFAULT_CAMPAIGN
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    shutil.copy(source / "campaign.yaml", target / "campaign.yaml")
    shutil.copytree(source / "cases", target / "cases")
    with open(target / "regions.csv", "w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(REGION_COLUMNS.split(","))
        for n in range(regions):
            writer.writerow(
                [
                    f"r{n:03d}",
                    f"{n % 100:02d}",
                    f"Région {n}",
                    f"Region {n}",
                    "Coordination",
                    f"r{n}@example.org",
                    "514 555-0100",
                ]
            )
    with open(target / "events.csv", "w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(EVENT_COLUMNS.split(","))
        for n in range(events):
            day = dt.date(2023, 11, 20) + dt.timedelta(days=n % 25)
            writer.writerow(
                [
                    f"e{n:04d}",
                    f"r{n % regions:03d}",
                    f"Marathon {n}",
                    f"Write-a-thon {n}",
                    day.isoformat(),
                    "10:00",
                    "16:00",
                    f"Bibliothèque {n}",
                    f"{n} rue Principale",
                    "Ville",
                    "40",
                    "Test",
                    "t@example.org",
                    "yes",
                ]
            )
    return target


if __name__ == "__main__":
    generate(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]))
