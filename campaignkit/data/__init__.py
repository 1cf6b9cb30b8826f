"""The campaign's files: models, a reader and writer per format, validation, tallies, photos."""
