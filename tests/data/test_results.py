"""Results add the tally files up per event × case, case, region and campaign, and export."""

import pandas as pd
import pytest

from campaignkit import load_campaign
from campaignkit.data.results import export, results_of
from campaignkit.paths import DEFAULT_CAMPAIGN
from tests.tallysums import file_sums, region_sums


@pytest.fixture(scope="module")
def mini_results():
    from tests.conftest import MINI

    return results_of(load_campaign(MINI))


@pytest.fixture(scope="module")
def sample_results():
    return results_of(load_campaign(DEFAULT_CAMPAIGN))


@pytest.mark.parametrize("which", ["mini_results", "sample_results"])
def test_totals_are_the_sums_of_the_files(request, which):
    results = request.getfixturevalue(which)
    data = results.data
    for region in [None, *data.regions]:
        expected = region_sums(data, region)
        totals = results.totals(region)
        for key in ("participants", "letters", "cards", "online", "actions"):
            assert totals[key] == expected[key], (region, key)
        cases = results.cases(region)
        for case in data.cases:
            assert cases.loc[case, "letters"] == expected[f"{case}.letters"]
            assert cases.loc[case, "cards"] == expected[f"{case}.cards"]


def test_every_event_is_either_tallied_or_missing(sample_results):
    data = sample_results.data
    tallied = set(sample_results.events.event)
    missing = {event.id for event in sample_results.missing()}
    assert tallied | missing == {event.id for event in data.events}
    assert not tallied & missing
    assert tallied == set(file_sums(data.root / "tallies", set(data.cases)))
    assert len(missing) >= 3, "the sample keeps some events without a tally"


def test_regions_table_counts_events_goals_and_last_year(mini_results):
    table = mini_results.regions()
    assert list(table.index) == ["montreal", "mauricie", "cote-nord"]
    assert table.loc["montreal", ["events_planned", "events_held"]].tolist() == [2, 1]
    assert table.loc["montreal", "goal"] == 300 and table.loc["montreal", "last_year"] == 250
    assert pd.isna(table.loc["mauricie", "last_year"])
    assert table.loc["cote-nord", "actions"] == 0
    assert mini_results.regions_without_event() == ["cote-nord"]
    assert mini_results.regions_with_tallies() == ["montreal", "mauricie"]
    assert [event.id for event in mini_results.missing()] == ["mtl-cafe"]


def test_campaign_last_year_compares_only_regions_that_have_it(mini_results):
    totals = mini_results.totals()
    assert totals["goal"] == 500
    assert (totals["last_year"], totals["last_year_regions"]) == (250, 1)
    assert totals["actions_comparable"] == mini_results.totals("montreal")["actions"]


def test_exports_hold_every_level_and_add_up(mini_results, tmp_path):
    csv_path, xlsx_path = export(mini_results, tmp_path)
    assert csv_path == tmp_path / "mini" / "campaign" / "results.csv"
    table = pd.read_csv(csv_path, dtype={"region_code": str})
    levels = table.level.value_counts().to_dict()
    assert levels == {"event_case": 4, "event": 2, "case": 2, "region": 3, "campaign": 1}
    rows = table[table.level == "event_case"]
    campaign = table[table.level == "campaign"].iloc[0]
    for key in ("letters", "cards"):
        assert rows[key].sum() == campaign[key] == table[table.level == "region"][key].sum()
    assert campaign.actions == region_sums(mini_results.data, None)["actions"]
    assert pd.isna(campaign.last_year), "no campaign last-year total when a region lacks one"
    assert set(rows.region_code) == {"06", "04"}
    sheets = pd.read_excel(xlsx_path, sheet_name=None)
    assert list(sheets) == ["results", "missing"]
    assert len(sheets["results"]) == len(table)
    assert sheets["missing"].event.tolist() == ["mtl-cafe"]


def test_sample_exports_one_row_per_event_and_case(sample_results, tmp_path):
    csv_path, _ = export(sample_results, tmp_path)
    table = pd.read_csv(csv_path)
    events, cases = len(sample_results.events), len(sample_results.data.cases)
    assert (table.level == "event_case").sum() == events * cases
