"""The two front doors of the portal.

- The home page (``accueil_view``, the layout of the site root): welcome, entry points
  by kind of visitor, live figures, the latest resources, events and ads, and a small
  map of the projects; the same public page for everyone, whoever is logged in.
- *Mon espace* (``@@mon-espace``): a member's working groups and what changed in them,
  their events, the member's drafts and submissions, what waits for a reviewer, and
  the federation's collaborative tools.

Their texts, entry points and tools are registry records (``settings.py``), edited in
the "Page d'accueil et Mon espace" control panel.

The site root's layout is set here rather than in types XML: it needs Python anyway
(an administrator's default page is kept), and uninstalling must undo both."""

from plone import api


HOME_VIEW = "accueil_view"


def use_home_page(portal):
    """Show the home page at the site root, unless an administrator chose a default
    page (an item shown in its place): that choice is kept."""
    types = api.portal.get_tool("portal_types")
    fti = types.getTypeInfo(portal)
    if HOME_VIEW not in fti.view_methods:
        fti.manage_changeProperties(view_methods=(*fti.view_methods, HOME_VIEW))
    if portal.getDefaultPage() is None:
        portal.setLayout(HOME_VIEW)


def forget_home_page(portal):
    """Back to Plone's view of the site root, for a site without our pages."""
    types = api.portal.get_tool("portal_types")
    fti = types.getTypeInfo(portal)
    if portal.getLayout() == HOME_VIEW:
        portal.setLayout(fti.default_view)
    if HOME_VIEW in fti.view_methods:
        fti.manage_changeProperties(
            view_methods=tuple(m for m in fti.view_methods if m != HOME_VIEW)
        )
