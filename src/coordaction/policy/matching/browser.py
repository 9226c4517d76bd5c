"""The pages of the Mise en lien, on the site root:

- ``@@mise-en-lien``: a GET form of criteria, the matching projects and ads, and a
  POST form to be alerted by e-mail for these criteria;
- ``@@mise-en-lien-confirmer?jeton=…``: the link of the confirmation e-mail;
- ``@@mise-en-lien-desabonner?jeton=…``: the link of every message, which deletes
  the subscription.

The POST form carries Plone's authenticator (``@@authenticator``) and is checked
here: plone.protect's automatic protection leaves anonymous visitors alone.

The two links never act on a GET: mail scanners and link previews open the links
of a message before its reader does. A GET shows what the link is for and a
button; its POST acts, as does a mail client's one-click unsubscribe (RFC 8058).
One base for every such link of the portal: ``site.mail_links``."""

from collective.honeypot.config import HONEYPOT_FIELD
from coordaction.content.vocabularies.geography import departements
from coordaction.content.vocabularies.geography import regions
from coordaction.content.vocabularies.lists import PROJECT_STAGES
from coordaction.content.vocabularies.lists import TENURES
from coordaction.policy import _
from coordaction.policy.mailqueue.list_mail import NOT_SENT
from coordaction.policy.mailqueue.list_mail import address_error
from coordaction.policy.matching import mails
from coordaction.policy.matching import subscriptions
from coordaction.policy.matching.criteria import AD_KIND_TITLES
from coordaction.policy.matching.criteria import STAGE_TITLES
from coordaction.policy.matching.criteria import is_search
from coordaction.policy.matching.criteria import place_label
from coordaction.policy.matching.criteria import read_criteria
from coordaction.policy.participation.antispam import public_post_refusal
from coordaction.policy.site.form_values import form_text
from coordaction.policy.site.mail_links import MailLinkView
from DateTime import DateTime
from plone import api
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from ZODB.POSException import ConflictError
from zope.i18n import translate
import logging
import transaction


logger = logging.getLogger(__name__)


class MatchingView(BrowserView):
    """Criteria, results, and the alert form."""

    template = ViewPageTemplateFile("templates/mise_en_lien.pt")

    def __call__(self):
        form = self.request.form
        self.searched = is_search(form)
        self.criteria, self.errors = (
            read_criteria(form) if self.searched else (None, [])
        )
        self.alert_errors = []
        self.alert_sent = False
        if self.request.method == "POST":
            self.subscribe()
        self.projects = self.find_projects() if self.criteria else []
        self.ads = self.find_ads() if self.criteria else []
        return self.template()

    def tr(self, message):
        return translate(message, context=self.request)

    # The alert form

    def refuse(self, status, message):
        self.request.response.setStatus(status)
        self.alert_errors.append(message)

    def subscribe(self):
        form = self.request.form
        refusal = public_post_refusal(self.context, self.request)
        if refusal is not None:
            return self.refuse(*refusal)
        if self.criteria is None:
            if not self.errors:
                self.alert_errors.append(
                    _("Choose a region first, then ask for the alert.")
                )
            return
        email = subscriptions.normalize_email(form_text(form, "courriel"))
        if not email:
            self.alert_errors.append(_("Give your e-mail address."))
        elif address_error(email):
            self.alert_errors.append(address_error(email))
        if form.get("consentement") != "oui":
            self.alert_errors.append(
                _(
                    "Tick the box accepting that your address is kept: without it, we "
                    "cannot send you alerts."
                )
            )
        if self.alert_errors:
            return
        portal = api.portal.get()
        subscription, _is_new = subscriptions.subscribe(portal, email, self.criteria)
        try:
            if subscription.is_confirmed:
                mails.send_already_active(portal, subscription)
            else:
                mails.send_confirmation(portal, subscription)
        except ConflictError:
            raise
        except Exception:
            logger.exception("Could not send the alert confirmation to %s", email)
            transaction.doom()  # nothing is stored without its message
            return self.refuse(503, NOT_SENT)
        self.alert_sent = True

    # The results

    def _search(self, query):
        catalog = api.portal.get_tool("portal_catalog")
        return catalog.searchResults(
            effectiveRange=DateTime(),
            sort_on="effective",
            sort_order="descending",
            **query,
        )

    def find_projects(self):
        if self.criteria.land_only:
            return []
        found = []
        for brain in self._search(self.criteria.project_query()):
            if not self.criteria.fits_size(brain.households_planned):
                continue
            found.append(
                {
                    "title": brain.Title,
                    "url": brain.getURL(),
                    "place": self._place(brain),
                    "stage": STAGE_TITLES.get(brain.stage),
                    "households": brain.households_planned,
                }
            )
        return found

    def find_ads(self):
        found = []
        for brain in self._search(self.criteria.ad_query()):
            departement = (brain.departements or [None])[0]
            if not self.criteria.fits_ad_place(departement):
                continue
            expires = brain.expires
            found.append(
                {
                    "title": brain.Title,
                    "url": brain.getURL(),
                    "place": self._place(brain),
                    "kind": AD_KIND_TITLES.get(brain.ad_kind),
                    "expires": expires.strftime("%d/%m/%Y")
                    if expires is not None and expires.year() < 2400
                    else None,
                }
            )
        return found

    def _place(self, brain):
        return place_label(
            brain.commune,
            (brain.departements or [None])[0],
            (brain.regions or [None])[0],
        )

    def project_count(self):
        count = len(self.projects)
        if count == 1:
            return _("1 project is looking for members")
        return _("${count} projects are looking for members", mapping={"count": count})

    def ad_count(self):
        count = len(self.ads)
        if count == 1:
            return _("1 ad")
        return _("${count} ads", mapping={"count": count})

    # The form's fields

    def value(self, parameter):
        return form_text(self.request.form, parameter)

    def regions(self):
        selected = self.value("region")
        return [
            {"value": code, "title": name, "selected": code == selected}
            for code, name in sorted(regions().items(), key=lambda item: item[1])
        ]

    def departement_groups(self):
        """The départements under their région, as <optgroup>s."""
        selected = self.value("departement")
        groups = {}
        for code, (name, region) in departements().items():
            groups.setdefault(region, []).append(
                {
                    "value": code,
                    "title": f"{code} – {name}",
                    "selected": code == selected,
                }
            )
        return [
            {"title": regions()[region], "options": options}
            for region, options in sorted(
                groups.items(), key=lambda item: regions()[item[0]]
            )
        ]

    def _choices(self, pairs, parameter):
        selected = self.value(parameter)
        return [
            {"value": value, "title": title, "selected": value == selected}
            for value, title in pairs
        ]

    def stages(self):
        return self._choices(PROJECT_STAGES, "etape")

    def tenures(self):
        return self._choices(TENURES, "occupation")

    def criteria_parameters(self):
        return self.criteria.parameters() if self.criteria else []

    def honeypot_field(self):
        return HONEYPOT_FIELD

    def privacy_url(self):
        return f"{api.portal.get().absolute_url()}/donnees-personnelles"


class SubscriptionLinkView(MailLinkView):
    """A link of an e-mail: find the subscription of its token; on a GET, ask
    (unless it is done already); on a POST, act (``site.mail_links``)."""

    template = ViewPageTemplateFile("templates/subscription_link.pt")

    def find(self, token):
        return subscriptions.get(api.portal.get(), token)

    @property
    def subscription(self):
        return self.found

    @property
    def label(self):
        """The page's heading, also its title in the browser's tab."""
        if self.unknown:
            return _("This link is not valid")
        if self.asking:
            return (
                _("Activate your alert") if self.confirmed else _("Delete your alert?")
            )
        return (
            _("Your alert is active") if self.confirmed else _("Your alert is deleted")
        )

    def criteria(self):
        return self.subscription.criteria.describe()

    def page_url(self):
        return mails.page_url(api.portal.get(), self.subscription.criteria)

    def unsubscribe_url(self):
        return mails.unsubscribe_url(api.portal.get(), self.subscription)


class ConfirmView(SubscriptionLinkView):
    confirmed = True

    def done(self, subscription):
        return subscription.is_confirmed

    def act(self, subscription):
        return subscriptions.confirm(api.portal.get(), subscription.token)


class UnsubscribeView(SubscriptionLinkView):
    confirmed = False

    def done(self, subscription):
        return False  # a deleted subscription has no link any more

    def act(self, subscription):
        return subscriptions.unsubscribe(api.portal.get(), subscription.token)
