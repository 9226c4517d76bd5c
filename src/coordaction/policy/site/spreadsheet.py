"""Cells of the CSV and XLSX files the portal writes: what a person typed is shown
as the text it is, never run as a spreadsheet formula ("=…", "+…", "@…"); read
back, the cell gives the text again."""

# What a spreadsheet would read as a formula at the start of a cell.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value):
    """A cell a spreadsheet shows as the text it is, never as a formula."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def cell_text(text):
    """What a person typed, from a cell ``spreadsheet_cell`` wrote (for a file
    exported, then imported again)."""
    if text.startswith("'") and text[1:].startswith(FORMULA_STARTS):
        return text[1:]
    return text
