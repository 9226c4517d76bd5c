"""A shared document may live in a space its reader cannot see: the reader must not
learn the space's name through the breadcrumbs (page and ``@breadcrumbs``), the
``parent`` of the document's REST serialization, the navigation portlet nor
``@contextnavigation`` (service and ``expand``)."""

from Acquisition import aq_inner
from Acquisition import aq_parent
from coordaction.workflows import _
from plone import api
from plone.app.layout.navigation.interfaces import INavtreeStrategy
from plone.app.portlets.portlets.navigation import INavigationPortlet
from plone.app.portlets.portlets.navigation import NavtreeStrategy
from plone.dexterity.interfaces import IDexterityContainer
from plone.dexterity.interfaces import IDexterityContent
from plone.restapi.interfaces import IExpandableElement
from plone.restapi.interfaces import ISerializeToJson
from plone.restapi.serializer.dxcontent import SerializeFolderToJson
from plone.restapi.serializer.dxcontent import SerializeToJson
from plone.restapi.services.contextnavigation.get import ContextNavigation
from plone.restapi.services.contextnavigation.get import ContextNavigationGet
from plone.restapi.services.contextnavigation.get import (
    INavigationPortlet as IRestNavigationPortlet,
)
from plone.restapi.services.contextnavigation.get import NavigationPortletRenderer
from plone.restapi.services.contextnavigation.get import extract_data
from Products.CMFCore.interfaces import ISiteRoot
from Products.CMFPlone.browser.navigation import PhysicalNavigationBreadcrumbs
from zope.component import adapter
from zope.i18n import translate
from zope.interface import Interface
from zope.interface import implementer


def hidden_space_title(request):
    return translate(_("Group space"), context=request)


class WorkingGroupBreadcrumbs(PhysicalNavigationBreadcrumbs):
    """The breadcrumb of a space shows its name only to those who may see it."""

    def breadcrumbs(self):
        crumbs = super().breadcrumbs()
        if crumbs and not api.user.has_permission("View", obj=aq_inner(self.context)):
            last = dict(crumbs[-1])
            last["Title"] = hidden_space_title(self.request)
            crumbs = (*crumbs[:-1], last)
        return crumbs


def has_unreadable_parent(context):
    """Whether one of the folders above ``context`` is hidden from the user."""
    for ancestor in aq_inner(context).aq_chain[1:]:
        if ISiteRoot.providedBy(ancestor):
            return False
        if not api.user.has_permission("View", obj=ancestor):
            return True
    return False


def _hide_unreadable_parent(serializer, data):
    parent = aq_parent(aq_inner(serializer.context))
    if parent is not None and not api.user.has_permission("View", obj=parent):
        data["parent"] = {
            "@id": data.get("parent", {}).get("@id"),
            "@type": "WorkingGroup",
            "title": hidden_space_title(serializer.request),
        }
    return data


@implementer(ISerializeToJson)
@adapter(IDexterityContent, Interface)
class PrivateParentSerializer(SerializeToJson):
    def __call__(self, *args, **kwargs):
        return _hide_unreadable_parent(self, super().__call__(*args, **kwargs))


@implementer(ISerializeToJson)
@adapter(IDexterityContainer, Interface)
class PrivateParentFolderSerializer(SerializeFolderToJson):
    def __call__(self, *args, **kwargs):
        return _hide_unreadable_parent(self, super().__call__(*args, **kwargs))


@implementer(INavtreeStrategy)
@adapter(IDexterityContent, INavigationPortlet)
class SpaceAwareNavtreeStrategy(NavtreeStrategy):
    """Plone's navigation portlet shows every parent of the current item, even
    those the visitor may not see: not inside a space the visitor cannot see."""

    def __init__(self, context, portlet):
        super().__init__(context, portlet)
        if has_unreadable_parent(context):
            self.showAllParents = False


class SpaceAwareContextNavigationRenderer(NavigationPortletRenderer):
    """plone.restapi's ``@contextnavigation`` builds its tree as the portlet does:
    every parent of the item is fetched unrestricted and named, and so is the root
    (``currentFolderOnly``, ``topLevel``). The tree keeps its shape (the reader
    still reaches the item), but a folder the reader may not see is not named, as
    in the breadcrumbs."""

    def render(self):
        result = super().render()
        portal = api.portal.get()
        self._hide_unreadable(result.get("items", ()), portal, portal.absolute_url())
        return result

    def _hide_unreadable(self, nodes, portal, portal_url):
        for node in nodes:
            url = node.get("@id") or ""
            if url.startswith(portal_url + "/"):
                obj = portal.unrestrictedTraverse(url[len(portal_url) + 1 :], None)
                if obj is not None and not api.user.has_permission("View", obj=obj):
                    node.update(
                        title=hidden_space_title(self.request),
                        description="",
                        normalized_id="",
                        review_state="",
                    )
            self._hide_unreadable(node.get("items", ()), portal, portal_url)


@implementer(IExpandableElement)
@adapter(Interface, Interface)
class SpaceAwareContextNavigation(ContextNavigation):
    def __call__(self, expand=False, prefix="expand.contextnavigation."):
        result = {
            "contextnavigation": {
                "@id": f"{self.context.absolute_url()}/@contextnavigation"
            }
        }
        if not expand:
            return result
        data = extract_data(IRestNavigationPortlet, self.request.form, prefix)
        renderer = SpaceAwareContextNavigationRenderer(self.context, self.request, data)
        result["contextnavigation"].update(renderer.render())
        return result


class SpaceAwareContextNavigationGet(ContextNavigationGet):
    def reply(self):
        navigation = SpaceAwareContextNavigation(self.context, self.request)
        return navigation(expand=True)["contextnavigation"]
