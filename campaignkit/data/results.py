"""What the campaign achieved: tallies added up per event × case, case, region and campaign."""

import io
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pandas as pd

from campaignkit import paths
from campaignkit.data.inert import frame_csv, inert_workbook
from campaignkit.data.loader import CampaignData
from campaignkit.data.models import Event
from campaignkit.data.tallies import Intake, Tally, tallies_of
from campaignkit.files import write_atomically

COUNTS = ["participants", "letters", "cards", "online", "actions"]


@dataclass
class Results:
    """The counts of every good tally, and the events still without one."""

    data: CampaignData
    intake: Intake

    @cached_property
    def event_cases(self) -> pd.DataFrame:
        """One row per tallied event × case: region, event, case, letters, cards, actions."""
        rows = [
            {
                "region": event.region,
                "event": event.id,
                "date": event.date,
                "case": case,
                "letters": tally.letters.get(case, 0),
                "cards": tally.cards.get(case, 0),
            }
            for event, tally in self.tallied()
            for case in self.data.cases
        ]
        table = pd.DataFrame(rows, columns=["region", "event", "date", "case", "letters", "cards"])
        table["actions"] = table["letters"] + table["cards"]
        return table

    @cached_property
    def events(self) -> pd.DataFrame:
        """One row per tallied event, in date order: participants and every count."""
        rows = [
            {
                "region": event.region,
                "event": event.id,
                "date": event.date,
                "participants": tally.participants,
                "letters": sum(tally.letters.values()),
                "cards": sum(tally.cards.values()),
                "online": tally.online,
                "actions": tally.actions,
                "sample": tally.sample,
            }
            for event, tally in self.tallied()
        ]
        columns = ["region", "event", "date", *COUNTS, "sample"]
        return pd.DataFrame(rows, columns=columns).sort_values(["date", "event"], kind="stable")

    def tallied(self) -> list[tuple[Event, Tally]]:
        tallies = self.intake.tallies
        return [(event, tallies[event.id]) for event in self.data.events if event.id in tallies]

    def events_of(self, region: str | None = None) -> pd.DataFrame:
        return self.events if region is None else self.events[self.events.region == region]

    def cases(self, region: str | None = None) -> pd.DataFrame:
        """Letters, cards and actions per case (every case, zeros included), campaign order."""
        table = self.event_cases
        if region is not None:
            table = table[table.region == region]
        sums = table.groupby("case")[["letters", "cards", "actions"]].sum()
        return sums.reindex(list(self.data.cases), fill_value=0).astype(int)

    def regions(self) -> pd.DataFrame:
        """Per region (every region of regions.csv): events planned and held, counts, goal."""
        sums = self.events.groupby("region")[COUNTS].sum()
        table = sums.reindex(list(self.data.regions), fill_value=0).astype(int)
        planned = pd.Series([e.region for e in self.data.events]).value_counts()
        held = self.events.region.value_counts()
        table.insert(0, "events_held", held.reindex(table.index, fill_value=0).astype(int))
        table.insert(0, "events_planned", planned.reindex(table.index, fill_value=0).astype(int))
        regions = self.data.regions.values()
        table["goal"] = pd.array([r.goal_actions for r in regions], dtype="Int64")
        table["last_year"] = pd.array([r.last_year_actions for r in regions], dtype="Int64")
        return table

    def totals(self, region: str | None = None) -> dict:
        """Headline figures of a region, or of the campaign when region is None."""
        events = self.events_of(region)
        planned = self.data.events if region is None else self.data.events_of(region)
        totals = {name: int(events[name].sum()) for name in COUNTS}
        totals["events_planned"] = len(planned)
        totals["events_held"] = len(events)
        if region is None:
            table = self.regions()
            known = table[table.last_year.notna()]
            totals["goal"] = self.data.campaign.goals.actions
            totals["last_year"] = int(known.last_year.sum()) if len(known) else None
            totals["last_year_regions"] = len(known)
            totals["actions_comparable"] = int(known.actions.sum())
        else:
            record = self.data.region(region)
            totals["goal"] = record.goal_actions
            totals["last_year"] = record.last_year_actions
            totals["last_year_regions"] = 1 if record.last_year_actions is not None else 0
            totals["actions_comparable"] = totals["actions"]
        return totals

    def missing(self, region: str | None = None) -> list[Event]:
        """Events with no tally file yet, in date order."""
        events = self.data.events if region is None else self.data.events_of(region)
        claimed = set(self.intake.files.values())
        return sorted(
            (e for e in events if e.id not in claimed), key=lambda e: (e.date, e.start, e.id)
        )

    def regions_without_event(self) -> list[str]:
        busy = {event.region for event in self.data.events}
        return [region for region in self.data.regions if region not in busy]

    def regions_with_tallies(self) -> list[str]:
        return [region for region in self.data.regions if self.intake.files_of(self.data, region)]


def results_of(data: CampaignData) -> Results:
    return Results(data, tallies_of(data))


def export_table(results: Results) -> pd.DataFrame:
    """The national office's table: one row per event × case, then per event, case, region and
    the campaign, told apart by the `level` column."""
    data = results.data
    code = {region.id: region.code for region in data.regions.values()}
    parts = [
        results.event_cases.assign(level="event_case"),
        results.events.drop(columns="sample").assign(level="event"),
        results.cases().reset_index(names="case").assign(level="case"),
        results.regions().reset_index(names="region").assign(level="region"),
        pd.DataFrame([campaign_row(results)]).assign(level="campaign"),
    ]
    table = pd.concat(parts, ignore_index=True)
    table["region_code"] = table["region"].map(code)
    numbers = ["events_planned", "events_held", *COUNTS, "goal", "last_year"]
    table[numbers] = table[numbers].astype("Int64")
    return table[["level", "region", "region_code", "event", "date", "case", *numbers]]


def campaign_row(results: Results) -> dict:
    """The campaign totals; last year's total only when every region has its figure."""
    totals = results.totals()
    if totals["last_year_regions"] < len(results.data.regions):
        totals["last_year"] = None
    return totals


def export(results: Results, out_dir=paths.OUTPUTS) -> list[Path]:
    """results.csv and results.xlsx under out_dir/<campaign>/campaign/."""
    folder = paths.region_dir(out_dir, results.data.id, "campaign")
    table = export_table(results)
    csv_path = write_atomically(folder / "results.csv", frame_csv(table).encode())
    workbook = io.BytesIO()
    sheets = {"results": table, "missing": missing_table(results)}
    with pd.ExcelWriter(workbook, engine="openpyxl") as writer:
        for name, sheet in sheets.items():
            sheet.to_excel(writer, sheet_name=name, index=False)
            writer.sheets[name].freeze_panes = "A2"
        inert_workbook(writer.book)
    xlsx_path = write_atomically(folder / "results.xlsx", workbook.getvalue())
    return [csv_path, xlsx_path]


def missing_table(results: Results) -> pd.DataFrame:
    rows = [
        {
            "region": e.region,
            "event": e.id,
            "date": e.date,
            "city": e.city,
            "contact": e.contact_email,
        }
        for e in results.missing()
    ]
    return pd.DataFrame(rows, columns=["region", "event", "date", "city", "contact"])
