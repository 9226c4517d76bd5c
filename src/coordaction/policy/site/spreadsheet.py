"""Cells of the CSV and XLSX files the portal writes: what a person typed is shown
as the text it is, never run as a spreadsheet formula ("=…", "+…", "@…")."""

# What a spreadsheet would read as a formula at the start of a cell.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value):
    """A cell a spreadsheet shows as the text it is, never as a formula."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text
