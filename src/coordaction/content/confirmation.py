"""Whether a project sheet is current: the day someone who keeps it last said so
or changed it (``confirmed_on``). A sheet not confirmed for two years shows
"Informations à confirmer", and visitors may leave such sheets out (the index
``up_to_date``, which the scheduled job brings up to date each day)."""

from datetime import date
from datetime import timedelta


CONFIRMATION_DAYS = 730  # two years


def confirmed_on(sheet):
    """The day the sheet was last confirmed (its last change, for a sheet made
    before confirmations)."""
    day = getattr(sheet, "confirmed_on", None)
    if day is None and getattr(sheet, "modified", None) is not None:
        day = sheet.modified().asdatetime().date()
    return day


def is_up_to_date(sheet, today=None):
    day = confirmed_on(sheet)
    today = today or date.today()
    return day is None or day >= today - timedelta(days=CONFIRMATION_DAYS)


def confirm(sheet, today=None):
    """The sheet is current as of ``today``."""
    sheet.confirmed_on = today or date.today()
    sheet.reindexObject(idxs=["up_to_date"])


def confirm_on_change(sheet, event):
    """Subscriber: a sheet added or changed is current."""
    sheet.confirmed_on = date.today()
