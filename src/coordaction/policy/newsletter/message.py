"""One letter as it arrives: an HTML part (its CSS inlined, as mail clients read
only that; images hosted on the portal, each with its alternative text) and a
plain-text part, in the site's language, with the subscriber's own unsubscribe
link in the text and in the ``List-Unsubscribe`` headers (RFC 8058).

Made from a snapshot (``letter.snapshot``): no page of the site is needed, so that
the sending job renders a message in a fraction of a millisecond."""

from chameleon import PageTemplateFile
from coordaction.content.i18n import in_site_language
from coordaction.policy import _
from email.message import EmailMessage
from email.utils import format_datetime
from email.utils import formataddr
from email.utils import make_msgid
from lxml import html as lxml_html
from pathlib import Path
from urllib.parse import urlsplit
import datetime
import email.policy


TEMPLATE = PageTemplateFile(
    str(Path(__file__).parent / "templates" / "letter_mail.pt"),
    # The template only ever writes escaped text, or the safe HTML of the
    # letter's rich text.
    auto_reload=False,
)

# The styles of the rich text (editorial, free blocks), inlined on each element.
RICH_TEXT_STYLES = {
    "p": "margin:0 0 12px 0",
    "h2": "margin:16px 0 8px 0;font-size:20px;color:#1d5c4d",
    "h3": "margin:12px 0 6px 0;font-size:17px;color:#1d5c4d",
    "a": "color:#1d5c4d;text-decoration:underline",
    "img": "max-width:100%;height:auto;border:0",
    "ul": "margin:0 0 12px 0;padding-left:20px",
    "ol": "margin:0 0 12px 0;padding-left:20px",
    "blockquote": "margin:0 0 12px 0;padding-left:12px;border-left:3px solid #e0a526",
}


def inline_styles(markup):
    """The rich text with each known element styled inline (its own style kept
    after ours)."""
    if not markup.strip():
        return ""
    root = lxml_html.fragment_fromstring(markup, create_parent="div")
    for element in root.iter(*RICH_TEXT_STYLES):
        own = element.get("style")
        style = RICH_TEXT_STYLES[element.tag]
        element.set("style", f"{style};{own}" if own else style)
    # Without the <div> around the fragment.
    return lxml_html.tostring(root, encoding="unicode")[len("<div>") : -len("</div>")]


def labels(snapshot):
    mapping = {"portal": snapshot["portal_title"]}
    return {
        "online": in_site_language(_("Read this letter online")),
        "why": in_site_language(
            _(
                "You receive this letter because you subscribed to it on the "
                "${portal} portal.",
                mapping=mapping,
            )
        ),
        "unsubscribe": in_site_language(_("Unsubscribe")),
        "topics": in_site_language(_("Choose other topics")),
        "topics_url": f"{snapshot['portal_url']}/@@lettre-inscription",
        "test": in_site_language(_("[Test]")),
    }


HEADERS_POLICY = email.policy.default.clone(max_line_length=998)
# Where the unsubscribe link goes in a body rendered once for many readers.
PLACEHOLDER = "https://desabonnement.invalid/"


class Renderer:
    """Renders the messages of one snapshot; what does not depend on the reader
    is made once."""

    def __init__(self, snapshot):
        self.snapshot = snapshot
        self.bodies = {}
        self.labels = labels(snapshot)
        self.editorial = inline_styles(snapshot["editorial"])
        self.free_blocks = inline_styles(snapshot["free_blocks"])

    def html(self, sections, unsubscribe_url):
        return TEMPLATE(
            snapshot=self.snapshot,
            sections=sections,
            labels=self.labels,
            editorial=self.editorial,
            free_blocks=self.free_blocks,
            unsubscribe_url=unsubscribe_url,
        )

    def text(self, sections, unsubscribe_url):
        snapshot = self.snapshot
        parts = [snapshot["title"], "=" * len(snapshot["title"])]
        if snapshot["description"]:
            parts.append(snapshot["description"])
        parts.append(f"{self.labels['online']} : {snapshot['url']}")
        if snapshot["editorial_text"]:
            parts.append(snapshot["editorial_text"])
        for _section, title, entries in sections:
            parts.append(f"{title.upper()}\n{'-' * len(title)}")
            for entry in entries:
                lines = [f"* {entry['title']}"]
                if entry["when"]:
                    place = f" — {entry['place']}" if entry["place"] else ""
                    lines.append(f"  {entry['when']}{place}")
                if entry["description"]:
                    lines.append(f"  {entry['description']}")
                lines.append(f"  {entry['url']}")
                parts.append("\n".join(lines))
        if snapshot["free_blocks_text"]:
            parts.append(snapshot["free_blocks_text"])
        parts.append(
            f"-- \n{self.labels['why']}\n"
            f"{self.labels['unsubscribe']} : {unsubscribe_url}\n"
            f"{self.labels['topics']} : {self.labels['topics_url']}"
        )
        return "\n\n".join(parts) + "\n"

    def message(
        self, sections, recipient, sender, unsubscribe_url, test=False, key=None
    ):
        """The whole message (an ``EmailMessage``) for one recipient. The bodies
        of the ``sections`` named ``key`` are rendered once."""
        snapshot = self.snapshot
        if key is None:
            text = self.text(sections, unsubscribe_url)
            html = self.html(sections, unsubscribe_url)
        else:
            if key not in self.bodies:
                self.bodies[key] = (
                    self.text(sections, PLACEHOLDER),
                    self.html(sections, PLACEHOLDER),
                )
            text, html = (
                body.replace(PLACEHOLDER, unsubscribe_url) for body in self.bodies[key]
            )
        subject = snapshot["title"]
        if test:
            subject = f"{self.labels['test']} {subject}"
        message = EmailMessage()
        message["From"] = formataddr(sender)
        message["To"] = recipient
        message["Subject"] = subject
        message["Date"] = format_datetime(datetime.datetime.now(datetime.UTC))
        domain = urlsplit(snapshot["portal_url"]).hostname or "localhost"
        message["Message-ID"] = make_msgid(domain=domain)
        message["List-Unsubscribe"] = f"<{unsubscribe_url}>"
        message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
        message.set_content(text, cte="quoted-printable")
        message.add_alternative(html, subtype="html", cte="quoted-printable")
        # Its headers as they are: folded at 78 characters, an address too long
        # for a line would be encoded, and no mail client would read it.
        message.policy = HEADERS_POLICY
        return message
