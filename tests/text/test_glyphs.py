"""What the shipped fonts can draw, known without rendering."""

from campaignkit import paths
from campaignkit.text.glyphs import covered_characters, describe, missing_characters


def test_latin_arabic_chinese_and_japanese_are_drawn():
    for text in ("Wydrzyńska Œuvre « » – ’", "محمد الأحمد", "王小明", "山田花子 やまだ カタカナ"):
        assert missing_characters(text) == [], text


def test_emoji_hangul_and_rare_scripts_are_named_once_each_in_order():
    assert missing_characters("✊ a ✊ 김 𓀀") == ["✊", "김", "𓀀"]


def test_direction_marks_and_joiners_are_not_drawn_so_not_missing():
    assert missing_characters("Ana \u200fسلام\u200e\u200d\u00ad\ufe0f") == []


def test_description_gives_code_point_and_name():
    text = describe(["✊", "\U0001f3fd"])
    assert text == "« ✊ » U+270A raised fist, « 🏽 » U+1F3FD emoji modifier fitzpatrick type-4"
    assert describe(list("🎉🎈🎂🎁🎆🎇")).endswith("(+1)")


def test_the_cjk_font_ships_with_its_licence_and_is_in_the_stacks():
    assert 0x738B in covered_characters()  # 王
    licence = (paths.FONTS / "LICENSE-DroidSansFallback.txt").read_text()
    assert "Apache License" in licence and "Version 2.0" in licence
    css = (paths.TEMPLATES / "base" / "fonts.css").read_text()
    assert "DroidSansFallbackFull.ttf" in css
    for sheet in paths.TEMPLATES.rglob("*.css"):
        for line in sheet.read_text().splitlines():
            if "font-family" in line and "@font-face" not in line and "monospace" not in line:
                assert '"Kit CJK"' in line, f"{sheet.name}: {line}"
