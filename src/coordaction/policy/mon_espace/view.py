"""*Mon espace* (``@@mon-espace``): the intranet home of a member.

Every list comes from the catalog with the member's own rights, so nothing shows
here that the member could not open: their working groups (from their Plone
groups) and what changed in them, the events of those groups, their own drafts and
submissions, and, for reviewers, what waits for them and that they may review. The
collaborative tools are a list an administrator edits (``settings.py``)."""

from coordaction.content.content.working_group import JOINABLE
from coordaction.content.i18n import type_title
from coordaction.content.listing_urls import page_url
from coordaction.content.sections import SECTIONS
from coordaction.policy import _
from coordaction.policy.agenda.page import AgendaView
from coordaction.policy.contributing.proposals import proposals
from coordaction.policy.following import follows
from coordaction.policy.following.activity import activity
from coordaction.policy.home import settings
from coordaction.policy.meetings.mine import proposals_of
from coordaction.policy.project_groups.maintainers import kept_by
from coordaction.policy.workstreams.mine import chantiers_of
from coordaction.workflows.review_history import refusal_reason
from coordaction.workflows.review_history import state_title as review_state_title
from coordaction.workflows.review_history import submitted_at
from coordaction.workflows.review_history import waiting_since
from coordaction.workflows.spaces.roster import WorkingGroupRoster
from coordaction.workflows.spaces.roster import fullname_of
from DateTime import DateTime
from DateTime.interfaces import DateTimeError
from plone import api
from plone.app.event.base import localized_now
from plone.event.interfaces import IEventAccessor
from Products.Five.browser import BrowserView
from zExceptions import Unauthorized
from zope.i18n import translate
import re


# The Plone groups of a working-group space (coordaction.workflows.spaces.lifecycle).
SPACE_GROUP = re.compile(
    r"^groupe-(?P<uid>[0-9a-f]{32})-(?P<kind>membres|coordination)$"
)
# The types that go through review (coordaction_publication_workflow).
REVIEWED_TYPES = (
    "Resource",
    "LegalTemplate",
    "ObservatoryCase",
    "ProjectSheet",
    "ClassifiedAd",
    "Event",
    "Workstream",
    "Image",  # in the photo bank, through its placeful policy
)
DRAFT_STATES = ("private", "pending")
STATE_BADGES = {
    "pending": "bg-warning text-dark",
    "published": "bg-success",
    "rework": "bg-danger",
}
CHANGES_SHOWN = 5
EVENTS_SHOWN = 10
PUBLISHED_SHOWN = 5
WAITING_SHOWN = 30


class MonEspaceView(BrowserView):
    # The page's name in the browser's tab (site/page_title.py).
    label = _("My space")

    def __call__(self):
        if api.user.is_anonymous():
            # Plone answers with its login form, and comes back here afterwards.
            raise Unauthorized("Mon espace")
        self.portal = api.portal.get()
        self.portal_url = self.portal.absolute_url()
        self.user = api.user.get_current()
        self.user_id = self.user.getId()
        self.catalog = api.portal.get_tool("portal_catalog")
        return self.index()

    def fullname(self):
        return self.user.getProperty("fullname") or self.user_id

    # --- Dates, types and states in French --------------------------------------------

    def date(self, value):
        return api.portal.get_localized_time(datetime=value)

    def type_title(self, portal_type):
        return type_title(portal_type, self.request)

    # --- My working groups ------------------------------------------------------------

    def my_group_uids(self):
        """{space UID: coordinator?} from the member's Plone groups."""
        uids = {}
        for group in api.group.get_groups(user=self.user):
            match = SPACE_GROUP.match(group.getId())
            if match:
                uid = match["uid"]
                uids[uid] = uids.get(uid, False) or match["kind"] == "coordination"
        return uids

    def last_visit(self):
        """When the member last came before this visit: Plone keeps the time of
        the previous login (``last_login_time``; its default, 2000, means never)."""
        if "_last_visit" not in self.__dict__:
            value = self.user.getProperty("last_login_time", None)
            try:
                value = DateTime(value) if value else None
            except (DateTimeError, SyntaxError, TypeError):
                value = None
            self._last_visit = value if value and value.year() > 2000 else None
        return self._last_visit

    def news_count(self, path):
        """How many items of a space changed since the member's last visit."""
        since = self.last_visit()
        if since is None:
            return 0
        brains = self.catalog(
            path={"query": path, "depth": -1},
            modified={"query": since, "range": "min"},
        )
        return len([brain for brain in brains if brain.getPath() != path])

    def groups(self):
        if "_groups" in self.__dict__:
            return self._groups
        uids = self.my_group_uids()
        groups = []
        if uids:
            for brain in self.catalog(
                portal_type="WorkingGroup", UID=list(uids), sort_on="sortable_title"
            ):
                path = brain.getPath()
                requests = (
                    WorkingGroupRoster(brain.getObject()).request_details()
                    if uids[brain.UID]
                    else []
                )
                groups.append(
                    {
                        "title": brain.Title,
                        "url": brain.getURL(),
                        "path": path,
                        "description": brain.Description,
                        "coordinator": uids[brain.UID],
                        "roster_url": f"{brain.getURL()}/@@roster",
                        "requests": requests,
                        "pending": len(requests),
                        "changes": self.changes(path),
                        "news": self.news_count(path),
                    }
                )
        self._groups = groups
        return groups

    def changes(self, path):
        """What changed last in a space, as the member may see it."""
        brains = self.catalog(
            path={"query": path, "depth": -1},
            sort_on="modified",
            sort_order="descending",
            sort_limit=CHANGES_SHOWN + 1,
        )
        changes = [self.change(brain) for brain in brains if brain.getPath() != path]
        return changes[:CHANGES_SHOWN]

    def change(self, brain):
        """A change as the page lists it; new since the member's last visit?"""
        since = self.last_visit()
        return {
            "title": brain.Title,
            "url": page_url(brain),
            "type": self.type_title(brain.portal_type),
            "date": self.date(brain.modified),
            "new": since is not None and brain.modified >= since,
        }

    def followed(self):
        """What the member follows, with its latest changes; those since their
        last visit are marked new."""
        return [
            {
                "title": target.Title(),
                "url": target.absolute_url(),
                "changes": [
                    self.change(brain)
                    for brain in activity(target, limit=CHANGES_SHOWN)
                ],
            }
            for target in follows.followed(self.user_id)
        ]

    def group_events(self):
        """The events to come in the member's groups, each at its next date."""
        groups = self.groups()
        if not groups:
            return []
        page = AgendaView(self.portal, self.request)
        page.now = localized_now(self.context)
        titles = {group["path"]: group["title"] for group in groups}
        brains = self.catalog(
            portal_type="Event",
            path=list(titles),
            end={"query": DateTime(page.now), "range": "min"},
            sort_on="start",
        )[: EVENTS_SHOWN * 2]
        occurrences = sorted(
            (page.next_occurrence(brain.getObject()) for brain in brains),
            key=lambda occurrence: IEventAccessor(occurrence).start,
        )
        events = []
        for occurrence in occurrences[:EVENTS_SHOWN]:
            details = page.event_details(occurrence)
            event_path = "/".join(occurrence.getPhysicalPath())
            details["group"] = next(
                (
                    title
                    for path, title in titles.items()
                    if event_path.startswith(path + "/")
                ),
                "",
            )
            events.append(details)
        return events

    def may_ask_to_join(self):
        return api.user.has_permission(
            "coordaction: Ask to join a working group", obj=self.portal
        )

    def my_requests(self):
        """The groups the member asked to join and that have not answered yet."""
        return [
            {"title": brain.Title, "url": brain.getURL()}
            for brain in self.catalog(
                portal_type="WorkingGroup", sort_on="sortable_title"
            )
            if self.user_id in WorkingGroupRoster(brain.getObject()).requests()
        ]

    def open_groups(self):
        """The spaces the member sees and may ask to join (for one in no group)."""
        groups = []
        for brain in self.catalog(portal_type="WorkingGroup", sort_on="sortable_title"):
            space = brain.getObject()
            if getattr(space, "join_policy", "closed") not in JOINABLE:
                continue
            if not api.user.has_permission(
                "coordaction: Ask to join a working group", obj=space
            ):
                continue
            roster = WorkingGroupRoster(space)
            groups.append(
                {
                    "title": brain.Title,
                    "url": brain.getURL(),
                    "description": brain.Description,
                    "join_url": f"{brain.getURL()}/@@join-request",
                    "asked": self.user_id in roster.requests(),
                    "open": roster.joins_at_once(),
                }
            )
        return groups

    # --- My drafts and submissions --------------------------------------------------

    def my_items(self, states, sort_on, limit=None):
        brains = self.catalog(
            Creator=self.user_id,
            portal_type=list(REVIEWED_TYPES),
            review_state=list(states),
            sort_on=sort_on,
            sort_order="descending",
        )
        if limit:
            brains = brains[:limit]
        items = []
        for brain in brains:
            item = brain.getObject()
            reason = refusal_reason(item) if brain.review_state == "private" else ""
            state_title = translate(
                review_state_title(item), domain="plone", context=self.request
            )
            if reason:
                state_title = translate(_("To rework"), context=self.request)
            submitted = submitted_at(item) if brain.review_state == "pending" else None
            since = ""
            if submitted is not None:
                since = translate(waiting_since(submitted), context=self.request)
            items.append(
                {
                    "title": brain.Title,
                    "url": page_url(brain),
                    "type": self.type_title(brain.portal_type),
                    "state": brain.review_state,
                    "state_title": state_title,
                    "state_class": f"coordaction-state-{brain.review_state} "
                    + STATE_BADGES.get(
                        "rework" if reason else brain.review_state, "bg-secondary"
                    ),
                    "since": since,
                    "reason": reason,
                    "date": self.date(brain.modified),
                }
            )
        return items

    def drafts(self):
        """The member's drafts and the submissions waiting for review."""
        return self.my_items(DRAFT_STATES, "modified")

    def recently_published(self):
        return self.my_items(("published",), "effective", PUBLISHED_SHOWN)

    def meeting_proposals(self):
        """What the member proposed to the national meetings, and where it stands."""
        return proposals_of(self.user_id, self.request)

    def chantiers(self):
        """The chantiers the member carries or offered to help on, and their skills."""
        return chantiers_of(self.user_id, self.request)

    def kept_sheets(self):
        """The project sheets the member's group entrusted to them."""
        return [
            {"title": brain.Title, "url": brain.getURL()}
            for brain in kept_by(self.user_id)
        ]

    # --- For reviewers ----------------------------------------------------------------

    def is_reviewer(self):
        return api.user.has_permission("Review portal content", obj=self.portal)

    def waiting_for_review(self):
        """What waits for review and this member may review (never a draft)."""
        waiting = []
        for brain in self.catalog(
            review_state="pending",
            portal_type=list(REVIEWED_TYPES),
            sort_on="modified",
            sort_order="ascending",
        ):
            item = brain.getObject()
            if not api.user.has_permission("Review portal content", obj=item):
                continue
            waiting.append(
                {
                    "title": brain.Title,
                    "url": page_url(brain),
                    "type": self.type_title(brain.portal_type),
                    "author": fullname_of(brain.Creator),
                    "date": self.date(brain.modified),
                }
            )
            if len(waiting) == WAITING_SHOWN:
                break
        return waiting

    def review_list_url(self):
        return f"{self.portal_url}/full_review_list"

    # --- Tools ------------------------------------------------------------------------

    def proposals(self):
        """The Proposer… buttons of every section where the member may add."""
        found = []
        for section in SECTIONS:
            container = self.portal.get(section.id)
            if container is not None:
                found += proposals(container)
        return found

    def tools(self):
        return settings.tools(self.portal_url)

    def groups_url(self):
        return f"{self.portal_url}/groupes-de-travail"

    def contact_url(self):
        return f"{self.portal_url}/contribuer/nous-contacter"

    def welcome(self):
        return translate(
            _("Hello ${name}", mapping={"name": self.fullname()}),
            context=self.request,
        )
