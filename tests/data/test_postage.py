"""postage.yaml: read, priced, and refused with file, line and field when it cannot be right."""

import pytest

from campaignkit import check_campaign, load_campaign
from tests.postage_campaign import with_postage


@pytest.fixture
def priced(campaign_copy):
    with_postage(campaign_copy.root)
    return campaign_copy


def only_problem(root):
    data, problems = check_campaign(root)
    assert data is None and len(problems) == 1, [p.text("en") for p in problems]
    return problems[0]


def test_the_price_list_is_read_and_priced_by_zone_and_step(priced):
    rates = load_campaign(priced.root).postage
    assert rates.zone_of("CA") == "canada" and rates.zone_of("LK") == "international"
    assert rates.price("usa", 30) == 2 and rates.price("usa", 30.5) == 10
    assert rates.envelopes(0) == 0 and rates.envelopes(400) == 1
    assert rates.envelopes(2000) == 3  # 980 g of mail per envelope at most


@pytest.mark.parametrize(
    ("old", "new", "code", "field", "line"),
    [
        ("{over: 30, up_to: 500", "{over: 40, up_to: 500", "step_gap", "steps.1.over", 14),
        ("{over: 500, up_to: 1000", "{over: 400, up_to: 1000", "step_overlap", "steps.2.over", 15),
        ("card: 10,", "card: -10,", "negative_value", "weights.card", 6),
        ("usa: 10,", "usa: -10,", "negative_value", "steps.1.prices.usa", 14),
        (
            "usa: 2, international: 3}",
            "usa: 2}",
            "price_missing",
            "steps.0.prices.international",
            13,
        ),
        ("usa: 2,", "usa: 2, mars: 9,", "unknown_zone", "steps.0.prices.mars", 13),
        ("{over: 0, up_to: 30", "{over: 0, up_to: 0", "bad_step", "steps.0.up_to", 13),
    ],
)
def test_a_bad_price_list_names_file_line_and_field(priced, old, new, code, field, line):
    priced.edit("postage.yaml", old, new)
    problem = only_problem(priced.root)
    assert (problem.code, problem.field, problem.line) == (code, field, line)
    assert problem.file.endswith("postage.yaml")
    assert "postage.yaml, ligne" in problem.text("fr") and "À faire" in problem.text("fr")
    assert f"line {line}, field {field}" in problem.text("en")


def test_a_country_no_zone_covers_is_named_in_the_case_file(priced):
    priced.edit("postage.yaml", 'countries: ["*"]', "countries: [FR, DE]")
    problem = only_problem(priced.root)  # ana's target is in Poland (PL)
    assert problem.file.endswith("cases/ana.yaml") and problem.field == "target.country"
    lines = (priced.root / "cases/ana.yaml").read_text(encoding="utf-8").splitlines()
    assert problem.code == "no_zone" and problem.line == lines.index("  country: PL") + 1
    assert "« PL »" in problem.text("fr") and "'PL'" in problem.text("en")


def test_a_known_address_without_country_cannot_be_priced(priced):
    priced.edit("cases/ana.yaml", "  country: CA\n", "")
    problem = only_problem(priced.root)
    assert (problem.code, problem.field) == ("no_country", "card.country")


def test_without_a_price_list_the_campaign_still_loads(mini):
    assert load_campaign(mini).postage is None


def test_check_names_a_gap_in_french_without_a_traceback(priced):
    from tests.test_cli import run_cli

    priced.edit("postage.yaml", "{over: 30, up_to: 500", "{over: 40, up_to: 500")
    result = run_cli("check", str(priced.root), lang="fr")
    assert result.returncode == 1 and "Traceback" not in result.stdout + result.stderr
    output = result.stdout + result.stderr
    assert "postage.yaml, ligne 14, champ steps.1.over : trou dans les paliers" in output
