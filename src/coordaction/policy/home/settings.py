"""What a site administrator edits of the two front doors, in the registry under
``coordaction.home.*`` ("Page d'accueil et Mon espace" control panel):

- the welcome title and text of the home page;
- its entry points, one per kind of visitor (``identifiant|Libellé|Texte``), and their
  links (``identifiant|Libellé du lien|adresse``, in the order they show), kept as
  lines and edited as rows of fields (``coordaction.content.browser.rows``);
- the number of member associations shown among the figures;
- the collaborative tools listed in *Mon espace* (``Libellé|https://…``).

Lines are read here, once, into plain dictionaries the views show."""

from coordaction.content.browser.rows import RowsWidget
from coordaction.content.settings import read_setting
from coordaction.policy import _
from plone.autoform import directives
from plone.supermodel import model
from zope import schema
from zope.interface import Invalid
from zope.interface import invariant


REGISTRY_PREFIX = "coordaction.home"
# Addresses an administrator may give: a page of the portal (relative to its root,
# with an optional #filter), or a web or mail address.
EXTERNAL_SCHEMES = ("https://", "http://", "mailto:")


def _parts(line, count):
    parts = [part.strip() for part in line.split("|", count - 1)]
    if len(parts) != count or not all(parts):
        return None
    return parts


def _is_address(address):
    lowered = address.lower()
    if lowered.startswith(EXTERNAL_SCHEMES):
        return True
    # A path in the portal: no scheme ("javascript:" and the like are refused).
    return ":" not in address.split("#", 1)[0].split("?", 1)[0] and not (
        address.startswith("//")
    )


def valid_entry_points(lines):
    seen = set()
    for line in lines or ():
        parts = _parts(line, 3)
        if parts is None:
            raise Invalid(
                _(
                    "Each entry needs an identifier, a label and a text: “${line}”.",
                    mapping={"line": line},
                )
            )
        if parts[0] in seen:
            raise Invalid(
                _(
                    "The identifier “${token}” appears twice.",
                    mapping={"token": parts[0]},
                )
            )
        seen.add(parts[0])
    return True


def valid_links(lines):
    for line in lines or ():
        parts = _parts(line, 3)
        if parts is None:
            raise Invalid(
                _(
                    "Each link needs the identifier of its entry, a label and an "
                    "address: “${line}”.",
                    mapping={"line": line},
                )
            )
        if not _is_address(parts[2]):
            raise Invalid(
                _(
                    "Address refused: “${address}”. Give a page of the portal (such as "
                    "agenda or centre-de-ressources#public=collectivites) or an address "
                    "starting with https://.",
                    mapping={"address": parts[2]},
                )
            )
    return True


# The tools of the portal itself, offered in Mon espace until the federation
# lists its own (discussion list, social networks…) and after them.
PORTAL_TOOLS = (
    "Agenda des rencontres et des journées portes ouvertes|agenda",
    "Groupes de travail|groupes-de-travail",
    "Centre de ressources|centre-de-ressources",
    "Écrire à l'équipe de la Coordin'action|contribuer/nous-contacter",
)


def valid_tools(lines):
    for line in lines or ():
        parts = _parts(line, 2)
        if parts is None or not _is_address(parts[1]):
            raise Invalid(
                _(
                    "Each tool needs a label and an address (https://… or a page "
                    "of the portal such as agenda): “${line}”.",
                    mapping={"line": line},
                )
            )
    return True


class IHomeSettings(model.Schema):
    welcome_title = schema.TextLine(
        title=_("Title of the home page"),
        required=True,
    )
    welcome_text = schema.Text(
        title=_("Welcome text"),
        description=_(
            "A few sentences under the title. An empty line separates two paragraphs."
        ),
        required=False,
    )
    directives.widget(
        "entry_points",
        RowsWidget,
        columns=(
            _("Identifier"),
            _("Label"),
            _("Text"),
        ),
    )
    entry_points = schema.List(
        title=_("Entries by audience"),
        description=_(
            "One entry per row, in the order of the page: an identifier (which "
            "its links name), its label and its text (for example “collectivites”, "
            "“You are a local authority”, “Support a project in your area”)."
        ),
        value_type=schema.TextLine(),
        constraint=valid_entry_points,
        required=False,
        default=[],
    )
    directives.widget(
        "entry_links",
        RowsWidget,
        columns=(
            _("Identifier of the entry"),
            _("Link label"),
            _("Address"),
        ),
    )
    entry_links = schema.List(
        title=_("Links of the entries"),
        description=_(
            "One link per row: the identifier of its entry, its label and its "
            "address, a page of the portal (“agenda”, "
            "“centre-de-ressources#public=collectivites” for the resource centre "
            "already filtered) or a complete address (https://…)."
        ),
        value_type=schema.TextLine(),
        constraint=valid_links,
        required=False,
        default=[],
    )
    associations_count = schema.Int(
        title=_("Number of member associations"),
        description=_(
            "The “associations” figure of the home page: the member associations "
            "of the network are not items of the portal, so it is kept up to date "
            "here. Empty: the figure is not shown."
        ),
        min=0,
        required=False,
    )

    model.fieldset(
        "mon-espace",
        label=_("My space"),
        fields=["tools"],
    )
    directives.widget(
        "tools",
        RowsWidget,
        columns=(
            _("Label"),
            _("Address"),
        ),
    )
    tools = schema.List(
        title=_("Collaborative tools"),
        description=_(
            "The tools the federation already uses, offered in “My space” to each "
            "member, one per row: its label and its address, https://… (the "
            "discussion list, the social networks…) or a page of the portal such "
            "as agenda. Empty, “My space” offers the portal's agenda, working "
            "groups, resource centre and contact form."
        ),
        value_type=schema.TextLine(),
        constraint=valid_tools,
        required=False,
        default=[],
    )

    @invariant
    def links_belong_to_entry_points(data):
        tokens = {line.split("|", 1)[0].strip() for line in (data.entry_points or ())}
        for line in data.entry_links or ():
            token = line.split("|", 1)[0].strip()
            if token not in tokens:
                raise Invalid(
                    _(
                        "The link “${line}” refers to an entry that does not exist: “${token}”.",
                        mapping={"line": line, "token": token},
                    )
                )


def setting(name):
    return read_setting(IHomeSettings, REGISTRY_PREFIX, name)


def welcome_paragraphs():
    text = setting("welcome_text") or ""
    paragraphs = []
    for block in text.replace("\r\n", "\n").split("\n\n"):
        block = " ".join(line.strip() for line in block.splitlines() if line.strip())
        if block:
            paragraphs.append(block)
    return paragraphs


def link_url(address, portal_url):
    """The address of a link: web and mail addresses as they are, the others in the
    portal (``agenda`` → ``https://…/coordaction/agenda``)."""
    if address.lower().startswith(EXTERNAL_SCHEMES):
        return address
    return f"{portal_url}/{address.lstrip('/')}"


def entry_points(portal_url):
    """[{"id", "title", "text", "links": [{"title", "url"}]}] in the page's order;
    lines that do not read well are left out (the control panel refuses them)."""
    entries = {}
    for line in setting("entry_points"):
        parts = _parts(line, 3)
        if parts and parts[0] not in entries:
            entries[parts[0]] = {
                "id": parts[0],
                "title": parts[1],
                "text": parts[2],
                "links": [],
            }
    for line in setting("entry_links"):
        parts = _parts(line, 3)
        if parts and parts[0] in entries and _is_address(parts[2]):
            entries[parts[0]]["links"].append(
                {"title": parts[1], "url": link_url(parts[2], portal_url)}
            )
    return list(entries.values())


def tools(portal_url):
    """[{"title", "url"}] of the collaborative tools: those the administrators
    listed, else the portal's own (never an empty list)."""
    found = []
    for line in setting("tools") or PORTAL_TOOLS:
        parts = _parts(line, 2)
        if parts and _is_address(parts[1]):
            found.append({"title": parts[0], "url": link_url(parts[1], portal_url)})
    return found
