from zope.interface import Interface


class ISiteToolsPage(Interface):
    """The *Outils pour vos sites* page, shown with its snippet generator."""
