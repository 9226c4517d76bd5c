"""The two front doors of the portal.

- The home page (``accueil_view``, the layout of the site root): welcome, entry points
  by kind of visitor, live figures, the latest resources, events and ads, and a small
  map of the projects; the same public page for everyone, whoever is logged in.
- *Mon espace* (``@@mon-espace``): a member's working groups and what changed in them,
  their events, the member's drafts and submissions, what waits for a reviewer, and
  the federation's collaborative tools.

Their texts, entry points and tools are registry records (``settings.py``), edited in
the "Page d'accueil et Mon espace" control panel.

The site root's type offers the home page among its views in the profile
(``types/Plone_Site.xml``; the uninstall profile takes it out); the site root itself
is given that view here, because an administrator's default page must be kept."""

HOME_VIEW = "accueil_view"


def use_home_page(portal):
    """Show the home page at the site root, unless an administrator chose a default
    page (an item shown in its place): that choice is kept."""
    if portal.getDefaultPage() is None:
        portal.setLayout(HOME_VIEW)


def forget_home_page(portal):
    """Back to Plone's view of the site root, for a site without our pages."""
    if portal.getLayout() == HOME_VIEW:
        portal.setLayout(portal.getTypeInfo().default_view)
