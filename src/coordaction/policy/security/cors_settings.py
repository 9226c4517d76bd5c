"""The sites allowed to read the portal's REST API from a browser (CORS), set by a
site administrator in the "Sites des associations" control panel: the registry
record ``coordaction.cors_allowed_origins``, defined here once."""

from coordaction.policy import _
from plone import api
from plone.app.registry.browser.controlpanel import ControlPanelFormWrapper
from plone.app.registry.browser.controlpanel import RegistryEditForm
from plone.supermodel import model
from urllib.parse import urlsplit
from zExceptions import BadRequest
from zope import schema
from zope.globalrequest import getRequest
from zope.i18n import translate
from zope.interface import Invalid


REGISTRY_PREFIX = "coordaction"
EXAMPLE_ORIGIN = "https://www.mon-association.org"


def origin_of(value):
    """``value`` as an origin (``https://host[:port]``), or None when it is not one:
    another scheme, a path, a query, credentials."""
    text = value.strip().rstrip("/")
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 - a port that is not a number raises ValueError
    except ValueError:
        return None
    if (
        parts.scheme not in ("http", "https")
        or not parts.hostname
        or parts.path
        or parts.query
        or parts.fragment
        or "@" in parts.netloc
    ):
        return None
    return text.lower()


def not_an_origin(value):
    return _(
        "“${value}” is not the address of a site: give its scheme and name "
        "only, for example ${example}.",
        mapping={"value": value, "example": EXAMPLE_ORIGIN},
    )


def valid_origin(value):
    if origin_of(value) is None:
        raise Invalid(not_an_origin(value))
    return True


class ICORSSettings(model.Schema):
    cors_allowed_origins = schema.List(
        title=_("Sites allowed to read the REST API (CORS)"),
        description=_(
            "One address per line, for example ${example}: the pages of these "
            "sites may show the portal's public content (the widget, or their own "
            "scripts reading the REST API). Without credentials and read-only.",
            mapping={"example": EXAMPLE_ORIGIN},
        ),
        value_type=schema.TextLine(constraint=valid_origin),
        required=False,
        default=[],
    )


def refuse_what_is_not_an_origin(event):
    """Subscriber: the record keeps only origins, however it is written. The
    control panel checks each line with the schema; plone.registry does not keep a
    field's constraint, so a REST client (``PATCH @registry``) or a script could
    store ``javascript:…``: refused with a 400 and the French message, the
    transaction (and the record) left as they were."""
    if event.record.__name__ != f"{REGISTRY_PREFIX}.cors_allowed_origins":
        return
    for value in event.newValue or ():
        if origin_of(value) is None:
            raise BadRequest(translate(not_an_origin(value), context=getRequest()))


def allowed_origins():
    """The origins allowed, as browsers send them (no trailing slash)."""
    values = api.portal.get_registry_record(
        f"{REGISTRY_PREFIX}.cors_allowed_origins", default=None
    )
    return [origin for origin in map(origin_of, values or ()) if origin]


def allow_origin(origin):
    """Add ``origin`` to the allowed sites unless it is there already."""
    name = f"{REGISTRY_PREFIX}.cors_allowed_origins"
    values = list(api.portal.get_registry_record(name, default=None) or ())
    if origin_of(origin) not in map(origin_of, values):
        api.portal.set_registry_record(name, [*values, origin])


class CORSSettingsForm(RegistryEditForm):
    schema = ICORSSettings
    schema_prefix = REGISTRY_PREFIX
    label = _("Associations' sites")
    description = _(
        "The sites whose pages may show the portal's content with the widget or "
        "read its REST API from the browser. The page “Tools for your sites” "
        "explains what they can show."
    )


class CORSControlPanel(ControlPanelFormWrapper):
    form = CORSSettingsForm
