"""A shared document may live in a space its reader cannot see: the reader must not
learn the space's name through the breadcrumbs nor through the ``parent`` of the
document's REST serialization."""

from Acquisition import aq_inner
from Acquisition import aq_parent
from coordaction.workflows import _
from plone import api
from plone.app.layout.navigation.interfaces import INavtreeStrategy
from plone.app.portlets.portlets.navigation import INavigationPortlet
from plone.app.portlets.portlets.navigation import NavtreeStrategy
from plone.dexterity.interfaces import IDexterityContainer
from plone.dexterity.interfaces import IDexterityContent
from plone.restapi.interfaces import ISerializeToJson
from plone.restapi.serializer.dxcontent import SerializeFolderToJson
from plone.restapi.serializer.dxcontent import SerializeToJson
from Products.CMFPlone.browser.navigation import PhysicalNavigationBreadcrumbs
from zope.component import adapter
from zope.i18n import translate
from zope.interface import Interface
from zope.interface import implementer


def hidden_space_title(request):
    return translate(_("Espace de groupe"), context=request)


class WorkingGroupBreadcrumbs(PhysicalNavigationBreadcrumbs):
    """The breadcrumb of a space shows its name only to those who may see it."""

    def breadcrumbs(self):
        crumbs = super().breadcrumbs()
        if crumbs and not api.user.has_permission("View", obj=aq_inner(self.context)):
            last = dict(crumbs[-1])
            last["Title"] = hidden_space_title(self.request)
            crumbs = (*crumbs[:-1], last)
        return crumbs


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
        from coordaction.workflows.spaces import space_of

        space = space_of(context)
        if space is not None and not api.user.has_permission("View", obj=space):
            self.showAllParents = False
