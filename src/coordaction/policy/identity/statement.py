"""The accessibility statement (*Accessibilité*), a page the portal sets up like its
privacy notice: created in the site's language when it is missing, then edited by
the federation (the results of an audit, a contact person…)."""

from coordaction.content.i18n import in_site_language
from coordaction.content.sections import CONTRIBUTE
from coordaction.content.site_items import ACCESSIBILITY_STATEMENT
from coordaction.content.site_items import CONTACT_FORM
from coordaction.content.site_items import ensure_item
from coordaction.content.site_items import publish
from coordaction.policy import _
from plone.app.textfield.value import RichTextValue
from Products.CMFCore.indexing import processQueue
from zope.i18nmessageid import Message


STATEMENT_TEXT = _(
    "<p>The Coordin'action wants its portal to be usable by everyone, whatever "
    "their way of browsing: keyboard, screen reader, magnifier, phone.</p>"
    "<h2>Compliance status</h2><p>The portal is <strong>partially "
    "compliant</strong> with the French accessibility framework (RGAA 4.1) and "
    "the WCAG 2.1 guidelines, level AA. No complete audit has been carried out "
    "yet: this statement relies on the checks made while building it.</p>"
    "<h2>What is checked</h2><ul><li>the contrast of text and links, the names "
    "of buttons, links and form fields, the structure of the headings, checked "
    "automatically (axe-core) on the main pages at each change;</li><li>use "
    "with the keyboard alone: the menus, the search filters and the forms;</li>"
    "<li>the pages are readable on a phone.</li></ul>"
    "<h2>Known limits</h2><ul><li>the map of the projects cannot be used "
    "without a mouse or a touch screen: the same projects are listed, with "
    "their filters, below the map;</li><li>documents uploaded by the "
    "associations (PDF, office files) may not be accessible: ask us for "
    "another format;</li><li>some screens of the content management tool, used "
    "by editors, keep the limits of the software it is built on "
    "(Plone).</li></ul>"
    "<h2>Report a problem</h2><p>If you cannot reach a content or a service, "
    'write to us through the <a href="${contact_url}">contact form</a>, '
    "describing the page and the problem: we will send you the information in "
    "another form and correct what we can.</p>"
    "<h2>Remedies</h2><p>If you have reported a problem and have not received "
    "a satisfactory answer, you may contact the Défenseur des droits "
    "(defenseurdesdroits.fr, or by post, free of charge: Défenseur des droits, "
    "Libre réponse 71120, 75342 Paris CEDEX 07).</p>"
)


def ensure_accessibility_statement(portal):
    """Create and publish the statement if it is missing; return it."""
    # By its UID, as the forms link to the privacy notice: Plone writes the form's
    # address when it shows the page.
    contact = portal.unrestrictedTraverse(f"{CONTRIBUTE}/{CONTACT_FORM}", None)
    contact_url = (
        f"resolveuid/{contact.UID()}"
        if contact is not None
        else f"{portal.absolute_url()}/{CONTRIBUTE}/{CONTACT_FORM}"
    )
    page, _created = ensure_item(
        portal,
        ACCESSIBILITY_STATEMENT,
        "Document",
        title=_("Accessibility"),
        description=_(
            "How accessible the portal is, its known limits, and how to report a "
            "problem."
        ),
        text=RichTextValue(
            in_site_language(
                Message(STATEMENT_TEXT, mapping={"contact_url": contact_url})
            ),
            "text/html",
            "text/x-html-safe",
        ),
        exclude_from_nav=True,
    )
    publish(page)
    # Index now, while the site is the active component site (see skeleton.py).
    processQueue()
    return page
