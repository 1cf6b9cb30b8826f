"""Former home of the CSV table and the tally sheet, kept as names only while callers move:
the CSV format is csvfile, the tally file is tallies."""

from campaignkit.data.csvfile import CsvTable, Record
from campaignkit.data.tallies import TallySheet

__all__ = ["CsvTable", "Record", "TallySheet"]
