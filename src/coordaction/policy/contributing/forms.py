"""The add and edit forms of the types a contributor proposes, laid out by
``layout.LAYOUTS``: Plone's forms (plone.dexterity), their fields regrouped.

The add form is the one ``++add++Type`` opens for this portal's layer (the
unnamed add view, more specific than plone.dexterity's); the edit form is the
``edit`` view of dexterity content on the same layer. A type the table does not
name keeps Plone's form as it is."""

from Acquisition import aq_inner
from Acquisition import aq_parent
from coordaction.policy import _
from coordaction.policy.contributing.layout import LAYOUTS
from coordaction.policy.contributing.layout import OPTIONS
from plone import api
from plone.dexterity.browser.add import DefaultAddForm
from plone.dexterity.browser.add import DefaultAddView
from plone.dexterity.browser.edit import DefaultEditForm
from plone.dexterity.interfaces import IDexterityEditForm
from plone.z3cform import layout as form_layout
from plone.z3cform.fieldsets.group import GroupFactory
from z3c.form.field import Fields
from zope.interface import classImplements


# The editorial team, reviewers and administrators (workflows' rolemap.xml).
EDITORIAL_PERMISSION = "coordaction: Edit publication options"


def form_fields(form):
    """Every field of ``form``, its own and its tabs', in their order, by the
    name of their schema field (the first of a name wins: the title of the
    basic behaviour, not a second one)."""
    found = {}
    for field in [*form.fields.values()] + [
        field for group in form.groups for field in group.fields.values()
    ]:
        found.setdefault(field.field.__name__, field)
    return found


def regroup(form, layout, editorial):
    """Lay ``form``'s fields out as ``layout`` says: the essentials first, then
    its tabs; what it does not name goes to the options tab, shown to the
    editorial team only."""
    fields = form_fields(form)

    def take(names):
        return Fields(*[fields.pop(name) for name in names if name in fields])

    form.fields = take(layout.essentials)
    groups = []
    for number, (title, names) in enumerate(layout.tabs):
        taken = take(names)
        if taken:
            groups.append(GroupFactory(f"etape-{number + 2}", taken, title))
    if editorial and fields:
        groups.append(GroupFactory("options", Fields(*fields.values()), OPTIONS))
    form.groups = groups


class ShortForm:
    """What the add and edit forms share: their first tab's name and their
    layout (``layout_container``: where the editorial team is judged)."""

    default_fieldset_label = _("The essentials")

    def updateFields(self):
        super().updateFields()
        layout = LAYOUTS.get(self.portal_type)
        if layout is not None:
            editorial = api.user.has_permission(
                EDITORIAL_PERMISSION, obj=self.layout_container
            )
            regroup(self, layout, editorial)


# The workflow of what is proposed to the reviewers (coordaction.workflows).
REVIEWED_WORKFLOW = "coordaction_publication_workflow"


class AddForm(ShortForm, DefaultAddForm):
    @property
    def layout_container(self):
        return aq_inner(self.context)

    @property
    def success_message(self):
        """What the person reads on the new item's page: a proposal is a draft
        until it is submitted (Plone's "Elément créé" said neither, nor its accent)."""
        chain = api.portal.get_tool("portal_workflow").getChainFor(self.portal_type)
        if REVIEWED_WORKFLOW in chain:
            return _(
                "Saved as a draft: submit it for review when it is ready (menu “État”)."
            )
        return _("Saved.")

    @property
    def label(self):
        layout = LAYOUTS.get(self.portal_type)
        return layout.propose if layout is not None else super().label


class AddView(DefaultAddView):
    form = AddForm


class EditForm(ShortForm, DefaultEditForm):
    @property
    def layout_container(self):
        return aq_parent(aq_inner(self.context))


EditView = form_layout.wrap_form(EditForm)
classImplements(EditView, IDexterityEditForm)
