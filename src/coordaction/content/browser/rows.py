"""A list of rows with a field per column, for the settings kept as lines
"identifiant|Libellé|Texte" in the registry (the lists of the portal, the home
page's entries and links, the tools of Mon espace).

The registry (and ``@registry`` for REST clients) keeps the lines as they were;
the control panels show a table: one row per line, a box per part, a few empty
rows to add one; emptying a row removes it. No script: the browser posts every
box (``<name>.<row>.<column>``) and the number of rows (``<name>.count``)."""

from coordaction.content import _
from z3c.form.browser.widget import HTMLFormElement
from z3c.form.converter import BaseDataConverter
from z3c.form.converter import FormatterValidationError
from z3c.form.interfaces import NO_VALUE
from z3c.form.interfaces import IWidget
from z3c.form.widget import Widget
from zope.component import adapter
from zope.interface import implementer
from zope.schema.interfaces import IList


SEPARATOR = "|"
# Empty rows offered after the filled ones, to add as many at once.
BLANK_ROWS = 3
# A settings list is a few dozen rows: a posted count beyond this is not a form's.
MOST_ROWS = 500


class IRowsWidget(IWidget):
    """A list of lines shown as rows of separate fields."""


@implementer(IRowsWidget)
class RowsWidget(HTMLFormElement, Widget):
    """Given to a field with its columns: ``directives.widget("themes",
    RowsWidget, columns=(_("Identifier"), _("Label")))``."""

    klass = "coordaction-rows-widget"
    # The title of each column (messages), in the order of the line's parts.
    columns = ()

    @property
    def width(self):
        return len(self.columns)

    def rows(self):
        """[{"index", "cells": [{"name", "id", "value", "title"}]}], the filled
        rows then the blank ones."""
        filled = [
            list(row) + [""] * (self.width - len(row)) for row in self.value or ()
        ]
        rows = filled + [[""] * self.width for _blank in range(BLANK_ROWS)]
        return [
            {
                "index": index,
                "cells": [
                    {
                        "name": f"{self.name}.{index}.{column}",
                        "id": f"{self.id}-{index}-{column}",
                        "value": value,
                        "title": self.columns[column],
                    }
                    for column, value in enumerate(cells)
                ],
            }
            for index, cells in enumerate(rows)
        ]

    def count_name(self):
        return f"{self.name}.count"

    def extract(self, default=NO_VALUE):
        count = self.request.get(self.count_name())
        try:
            count = min(int(count), MOST_ROWS)
        except (TypeError, ValueError):
            return default
        rows = []
        for index in range(count):
            cells = []
            for column in range(self.width):
                value = self.request.get(f"{self.name}.{index}.{column}", "")
                cells.append(value.strip() if isinstance(value, str) else "")
            if any(cells):
                rows.append(cells)
        return rows


@adapter(IList, IRowsWidget)
class RowsConverter(BaseDataConverter):
    """Lines "a|b|c" to rows ["a", "b", "c"] and back."""

    def toWidgetValue(self, value):
        width = max(1, self.widget.width)
        return [
            [part.strip() for part in line.split(SEPARATOR, width - 1)]
            for line in value or ()
        ]

    def toFieldValue(self, value):
        lines = []
        for cells in value or ():
            for cell in cells:
                if SEPARATOR in cell:
                    raise FormatterValidationError(
                        _(
                            "The character “|” cannot be used in a field: ${value}",
                            mapping={"value": cell},
                        ),
                        cell,
                    )
            lines.append(SEPARATOR.join(cells))
        return lines
