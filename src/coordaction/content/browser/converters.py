"""z3c.form data converters of our field types."""

from coordaction.content import _
from coordaction.content.fields import ICoordinate
from z3c.form.converter import BaseDataConverter
from z3c.form.converter import FormatterValidationError
from z3c.form.interfaces import ITextWidget
from zope.component import adapter


@adapter(ICoordinate, ITextWidget)
class CoordinateDataConverter(BaseDataConverter):
    """Show up to six decimals with a decimal comma; read a comma or a point."""

    def toWidgetValue(self, value):
        if value is self.field.missing_value or value is None:
            return ""
        return f"{value:.6f}".rstrip("0").rstrip(".").replace(".", ",")

    def toFieldValue(self, value):
        text = (value or "").strip().replace("\u202f", "").replace(" ", "")
        if not text:
            return self.field.missing_value
        try:
            return float(text.replace(",", "."))
        except ValueError:
            raise FormatterValidationError(
                _("Write a decimal number, for example 45.7578."), value
            )
