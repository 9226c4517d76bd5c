"""What a letter says, and to whom.

``snapshot(letter)`` reads the letter once, as the public would read it: its
editorial and free blocks, and each of its publications the public may see
(an item retracted or private since it was chosen is left out), with its address,
its section and its régions. The snapshot is plain data, so that the sending job
renders thousands of messages from it without the site's pages, and the letter
that left is the letter that was read: it is kept with the letter when it is sent.

``sections_for(snapshot, topics, region)`` is what one subscriber receives: the
publications of the sections they chose, those of their région (or of no région)
for the local sections; None when the letter has nothing for them (a letter whose
publications are all elsewhere is not sent to them). A letter with no publication
at all (an announcement) goes to everyone.
"""

from coordaction.content.dates import event_when
from coordaction.content.i18n import in_site_language
from coordaction.content.i18n import site_language
from coordaction.content.sections import ADS
from coordaction.content.sections import AGENDA
from coordaction.content.sections import PROJECTS
from coordaction.content.sections import SECTIONS_BY_ID
from coordaction.content.sections import WORKSTREAMS
from coordaction.content.sections import section_of_type
from coordaction.policy import _
from coordaction.policy.newsletter import subscribers
from coordaction.policy.newsletter.topics import TOPIC_IDS
from lxml import html as lxml_html
from plone import api
from plone.event.interfaces import IEventAccessor


# Sections whose publications are of one place: a subscriber of a région gets
# those of their région and those of none.
LOCAL_SECTIONS = (PROJECTS, AGENDA, ADS, WORKSTREAMS)
# What the editor added that belongs to no topic.
OTHERS = "autres"


def section_id(portal_type):
    if portal_type == "Event":
        return AGENDA
    try:
        return section_of_type(portal_type).id
    except KeyError:
        return OTHERS


def _text(value):
    return (value or "").strip()


def _rich(letter, name):
    """The safe HTML of a rich text field, its links absolute; "" when empty."""
    value = getattr(letter, name, None)
    if value is None or not value.raw:
        return ""
    return value.output_relative_to(letter) or ""


def _regions(obj):
    value = getattr(obj, "regions", None) or getattr(obj, "region", None) or ()
    return [value] if isinstance(value, str) else list(value)


def _image(obj):
    image = getattr(obj, "image", None)
    if not image or not getattr(image, "size", 0):
        return None
    return {
        "url": f"{obj.absolute_url()}/@@images/image/preview",
        "alt": _text(getattr(obj, "image_caption", "")) or obj.Title(),
    }


def _entry(obj):
    entry = {
        "uid": api.content.get_uuid(obj),
        "section": section_id(obj.portal_type),
        "title": obj.Title(),
        "description": _text(obj.Description()),
        "url": obj.absolute_url(),
        "regions": _regions(obj),
        "image": _image(obj),
        "when": "",
        "place": "",
    }
    if obj.portal_type == "Event":
        accessor = IEventAccessor(obj)
        entry["when"] = event_when(accessor, site_language())
        entry["place"] = _text(accessor.location)
    return entry


def public_publications(letter):
    """The letter's publications the public may see, in the letter's order."""
    catalog = api.portal.get_tool("portal_catalog")
    found = []
    for relation in letter.publications or []:
        if relation.isBroken() or not relation.to_id:
            continue
        uid = api.content.get_uuid(relation.to_object)
        brains = catalog.unrestrictedSearchResults(
            UID=uid, allowedRolesAndUsers=["Anonymous"]
        )
        if brains:
            found.append(brains[0]._unrestrictedGetObject())
    return found


def section_titles():
    titles = {
        topic: in_site_language(SECTIONS_BY_ID[topic].title) for topic in TOPIC_IDS
    }
    titles[OTHERS] = in_site_language(_("Also to read"))
    return titles


def snapshot(letter):
    """The letter as plain data (see the module's docstring)."""
    portal = api.portal.get()
    editorial = _rich(letter, "editorial")
    free_blocks = _rich(letter, "free_blocks")
    return {
        "uid": api.content.get_uuid(letter),
        "title": letter.Title(),
        "description": _text(letter.Description()),
        "url": letter.absolute_url(),
        "portal_url": portal.absolute_url(),
        "portal_title": portal.Title(),
        "language": site_language(),
        "editorial": editorial,
        "editorial_text": html_to_text(editorial),
        "free_blocks": free_blocks,
        "free_blocks_text": html_to_text(free_blocks),
        "entries": [_entry(obj) for obj in public_publications(letter)],
        "section_titles": section_titles(),
    }


def _for_reader(entry, topics, region):
    if entry["section"] == OTHERS:
        return True
    if topics and entry["section"] not in topics:
        return False
    if region and entry["section"] in LOCAL_SECTIONS and entry["regions"]:
        return region in entry["regions"]
    return True


def sections_for(snapshot, topics=(), region=""):
    """[(section id, title, [entries])] of what a subscriber receives, in the
    order of the sections; None when the letter has nothing for them. No topics:
    every section."""
    entries = snapshot["entries"]
    chosen = [entry for entry in entries if _for_reader(entry, topics, region)]
    if any(entry["section"] != OTHERS for entry in entries) and not any(
        entry["section"] != OTHERS for entry in chosen
    ):
        return None
    titles = snapshot["section_titles"]
    return [
        (section, titles[section], found)
        for section in (*TOPIC_IDS, OTHERS)
        if (found := [entry for entry in chosen if entry["section"] == section])
    ]


def audience(snapshot):
    """([(token, record)] of the confirmed subscribers the letter has something
    for, how many it has nothing for)."""
    reached, missed = [], 0
    for token, record in subscribers.confirmed():
        if sections_for(snapshot, record["topics"], record["region"]) is None:
            missed += 1
        else:
            reached.append((token, record))
    return reached, missed


BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "tr"}


def html_to_text(markup):
    """Plain text of rich text for the text part of the letter: paragraphs apart,
    a list item on its line with a dash, a link followed by its address."""
    if not markup.strip():
        return ""
    root = lxml_html.fragment_fromstring(markup, create_parent="div")
    for link in root.iter("a"):
        href = link.get("href", "")
        if href.startswith(("http://", "https://", "mailto:")) and href != (
            link.text_content().strip()
        ):
            link.tail = f" ({href.removeprefix('mailto:')}){link.tail or ''}"
    for element in root.iter():
        if element.tag == "br":
            element.tail = "\n" + (element.tail or "")
        elif element.tag == "li":
            element.text = "- " + (element.text or "")
        if element.tag in BLOCKS:
            element.tail = "\n\n" + (element.tail or "")
    lines = [" ".join(line.split()) for line in root.text_content().splitlines()]
    text = "\n".join(lines)
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip()
