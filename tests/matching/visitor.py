"""What a future resident does and receives, over HTTP: read the Mise en lien page,
fill its forms as a browser would, and read the e-mails the portal sent."""

from lxml import html
from tests.mailbox import mails
import re


PAGE = "@@mise-en-lien"
LINK = re.compile(r"https?://\S+")


def document(response):
    return html.fromstring(response.text)


def texts(response, selector):
    return [
        " ".join(element.text_content().split())
        for element in document(response).cssselect(selector)
    ]


def result_titles(response, section):
    """The titles listed in a section of results: "projects" or "ads"."""
    return texts(response, f".coordaction-matching-{section} li > a")


def errors(response):
    return texts(
        response,
        ".coordaction-matching-errors li, .coordaction-matching-alert-errors li",
    )


def form_fields(response, selector):
    """The fields a browser would send with the form: hidden inputs and the
    current values of the others (checkboxes only when ticked, nothing disabled)."""
    [form] = document(response).cssselect(selector)
    fields = {}
    for element in form.cssselect("input, select"):
        name = element.get("name")
        if not name or element.get("disabled") is not None:
            continue
        if element.get("type") == "checkbox":
            if element.get("checked") is not None:
                fields[name] = element.get("value")
            continue
        if element.tag == "select":
            chosen = element.cssselect("option[selected]")
            fields[name] = chosen[0].get("value") if chosen else ""
            continue
        fields[name] = element.get("value") or ""
    return form.get("action"), fields


def subscribe(client, query, email, consent=True, **changes):
    """Open the page for these criteria, then ask for the alert as a visitor."""
    page = client.page(f"{PAGE}?{query}")
    action, fields = form_fields(page, "form.coordaction-matching-subscribe")
    fields["courriel"] = email
    if consent:
        fields["consentement"] = "oui"
    fields.update(changes)
    return client.session.post(action, data=fields, timeout=60)


def links(mail):
    return LINK.findall(mail.body)


def link(mail, view):
    """The one link of the message to that view (confirm, unsubscribe...)."""
    [found] = [url for url in links(mail) if f"/@@{view}?" in url]
    return found


def header(mail, name):
    """A header as a mail client reads it (unfolded)."""
    return " ".join(mail.headers[name].split())


def mails_to(portal, address):
    """The messages sent so far to exactly this address."""
    return [mail for mail in mails(portal) if mail.to == address]


def follow(client, url):
    """Open a link of a message as its reader does: the page (a GET changes
    nothing), then its one button. The answer to that POST."""
    page = client.page(url)
    action, fields = form_fields(page, "form.coordaction-subscription-link")
    [button] = document(page).cssselect("form.coordaction-subscription-link button")
    return client.session.post(
        action, data={**fields, button.get("name"): "1"}, timeout=60
    )
