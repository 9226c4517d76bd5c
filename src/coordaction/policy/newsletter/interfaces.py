from zope.interface import Interface


class ILetterArchive(Interface):
    """The folder of the letters (``/lettre``), shown as their archive."""
