"""The kit's words: interface language, dates and numbers, glyph coverage, problem messages."""
