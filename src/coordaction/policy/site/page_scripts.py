"""The scripts a page loads: Plone's whole bundle only where something uses it.

Plone's bundle (``plone``: about 780 kB of JavaScript once its chunks are loaded,
whatever the page) carries the patterns of editing: rich text, related items,
select2, modals, the toolbar, upload. An anonymous visitor reading a page (the
home page, a section, an item, the agenda, a faceted page) uses none of them.

On such a page (a *reading page*: anonymous, GET or HEAD, a view that is not a
form), the request says so (``REQUEST_KEY``) and the profile's bundle expressions
(``registry/page-scripts.xml``) read it:

- ``plone`` is left out;
- ``coordaction-bootstrap`` (Bootstrap with Popper, the version Plone's bundle
  embeds) keeps the phone's menu (offcanvas) and Bootstrap's other components;
- ``coordaction-jquery`` (jQuery, the version Plone's bundle embeds) comes only
  with eea's bundles, which need the ``jQuery`` that Plone's bundle would provide
  (``resourcecentre/faceted/bundles.py``).

What a reading page loses is what Plone's bundle does for a visitor: the live
results under the search box (the search box still sends to the search page) and
the login in a modal window (the link opens the login page). The current section
of the navigation is marked by ``accessibility.js`` (``aria-current``).

Forms (z3c.form, easyform, login, the search page, the deposit forms) and every
page of a logged-in member keep Plone's bundle. The test of the reading pages
(tests/site/test_page_scripts.py) fails if one of them carries a pattern
(``pat-…``) that Plone's bundle would have started.
"""

from AccessControl import getSecurityManager
from AccessControl.SpecialUsers import nobody
from z3c.form.interfaces import IForm
from zope.publisher.interfaces.browser import IBrowserView


# The request's key that the bundles' expressions read.
REQUEST_KEY = "coordaction.reading_page"
# Views that are not forms but use Plone's patterns.
WITH_PLONE_SCRIPTS = frozenset(
    {
        "search",  # sorting and filters of Plone's search page
    }
)


def is_form(view):
    return IForm.providedBy(view) or getattr(view, "form_instance", None) is not None


def is_reading_page(request, published):
    """Whether ``published`` is a page an anonymous visitor only reads."""
    if request.get("REQUEST_METHOD", "GET") not in ("GET", "HEAD"):
        return False
    if not IBrowserView.providedBy(published) or is_form(published):
        return False
    if getattr(published, "__name__", None) in WITH_PLONE_SCRIPTS:
        return False
    # Not plone.api: the Zope root (the load balancer's health check) is
    # published here too, outside any Plone site.
    user = getSecurityManager().getUser()
    return user is None or user.getUserName() == nobody.getUserName()


def mark_reading_page(event):
    """After traversal (``IPubAfterTraversal``): say whether the page about to be
    rendered is a reading page."""
    request = event.request
    if is_reading_page(request, request.get("PUBLISHED")):
        request.set(REQUEST_KEY, True)
