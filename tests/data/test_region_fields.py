"""regions.csv's optional press-kit columns: the coordinator's quote and the sender address."""

from campaignkit import check_campaign, load_campaign

HEADER = "last_year_actions,sample"


def add_columns(campaign_copy, montreal: str):
    campaign_copy.edit("regions.csv", HEADER, HEADER + ",quote_fr,quote_en,sender_address")
    campaign_copy.edit("regions.csv", "300,250,yes", "300,250,yes," + montreal)


def test_sender_address_lines_split_at_bars_and_line_breaks(campaign_copy):
    add_columns(campaign_copy, 'Bonjour.,Hello.,"C. P. 1 | Montréal QC\nH0H 0H0"')
    region = load_campaign(campaign_copy.root).regions["montreal"]
    assert region.sender_address == ["C. P. 1", "Montréal QC", "H0H 0H0"]
    assert region.quote == {"fr": "Bonjour.", "en": "Hello."}
    assert load_campaign(campaign_copy.root).regions["mauricie"].quote is None


def test_a_quote_in_one_language_only_is_named(campaign_copy):
    add_columns(campaign_copy, "Bonjour.,,")
    _, problems = check_campaign(campaign_copy.root)
    assert [(p.field, p.code, p.row) for p in problems] == [("quote_en", "missing_translation", 2)]
