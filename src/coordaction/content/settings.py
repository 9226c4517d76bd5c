"""Settings of the content model, stored in the registry under ``coordaction.*``
and edited in the "Réglages du portail" control panel.

Settings are read through their schema (``read_setting``), never by spelling the
dotted name of their record; the policy's settings are read the same way."""

from coordaction.content import _
from coordaction.content.browser.rows import RowsWidget
from coordaction.content.licenses import DEFAULT_LICENSE
from plone.autoform import directives
from plone.registry.interfaces import IRegistry
from plone.supermodel import model
from zope import schema
from zope.component import getUtility
from zope.interface import Invalid


# The records of IContentSettings are ``coordaction.<field>``: REST clients and the
# control panel know them by these names.
REGISTRY_PREFIX = "coordaction"


def settings_of(settings_schema, prefix):
    """The records ``<prefix>.<field>`` of a settings schema, as attributes to read
    and set (setting one whose record is missing raises ``AttributeError``)."""
    return getUtility(IRegistry).forInterface(
        settings_schema, prefix=prefix, check=False
    )


def read_setting(settings_schema, prefix, name):
    """The value of the setting ``name``, or the field's default when its record is
    missing (a site where the profile that brings it is not installed)."""
    value = getattr(settings_of(settings_schema, prefix), name)
    return settings_schema[name].default if value is None else value


def valid_list_lines(lines):
    """Each line reads ``identifiant|Libellé`` (a row of two fields in the control
    panel); identifiers are unique."""
    seen = set()
    for line in lines or ():
        token = line.partition("|")[0].strip()
        if not token or "|" not in line:
            raise Invalid(
                _(
                    "Each entry needs an identifier and a label: “${line}”.",
                    mapping={"line": line},
                )
            )
        if token in seen:
            raise Invalid(
                _(
                    "The identifier “${token}” appears twice.",
                    mapping={"token": token},
                )
            )
        seen.add(token)
    return True


# The columns of the lists above, in the control panel (browser/rows.py).
LIST_COLUMNS = (_("Identifier"), _("Label"))


class IContentSettings(model.Schema):
    directives.widget("themes", RowsWidget, columns=LIST_COLUMNS)
    themes = schema.List(
        title=_("Themes"),
        description=_(
            "One theme per row: its identifier (in addresses and exports, without "
            "spaces) and its label. Do not change the identifier of a theme already "
            "in use: items keep it."
        ),
        value_type=schema.TextLine(),
        constraint=valid_list_lines,
        required=False,
        default=[],
    )
    directives.widget("resource_kinds", RowsWidget, columns=LIST_COLUMNS)
    resource_kinds = schema.List(
        title=_("Resource kinds"),
        description=_("One kind per row: its identifier and its label."),
        value_type=schema.TextLine(),
        constraint=valid_list_lines,
        required=False,
        default=[],
    )
    directives.widget("shared_spaces", RowsWidget, columns=LIST_COLUMNS)
    shared_spaces = schema.List(
        title=_("Shared spaces"),
        description=_("One space per row: its identifier and its label."),
        value_type=schema.TextLine(),
        constraint=valid_list_lines,
        required=False,
        default=[],
    )
    directives.widget("skills", RowsWidget, columns=LIST_COLUMNS)
    skills = schema.List(
        title=_("Skills"),
        description=_(
            "The skills a chantier may ask for and a member may offer, one per row: "
            "its identifier and its label."
        ),
        value_type=schema.TextLine(),
        constraint=valid_list_lines,
        required=False,
        default=[],
    )
    default_license = schema.Choice(
        title=_("Default licence"),
        description=_("The licence offered when an item is created."),
        vocabulary="coordaction.vocabularies.licenses",
        default=DEFAULT_LICENSE,
    )
    max_upload_mb = schema.Int(
        title=_("Maximum size of an uploaded file (MB)"),
        min=1,
        max=2048,
        default=50,
    )
    ad_lifetime_days = schema.Int(
        title=_("Lifetime of a classified ad (days)"),
        description=_(
            "An ad published without an expiry date expires after this number of days."
        ),
        min=1,
        max=730,
        default=90,
    )


def content_setting(name):
    return read_setting(IContentSettings, REGISTRY_PREFIX, name)
