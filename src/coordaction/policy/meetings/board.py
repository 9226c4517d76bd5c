"""The organisers' board of an edition (``@@tableau``): its proposals by state,
with their counts, narrowed by format, theme, région and state, and the same list
as a spreadsheet (``@@propositions.csv``, ``@@propositions.xlsx``) to work from.

Only for those who review the proposals (the organisers); a cell a visitor wrote
never starts a spreadsheet formula."""

from coordaction.policy import _
from coordaction.policy.meetings.notices import PROPOSAL_WORKFLOW
from coordaction.policy.meetings.pages import ProposalView
from coordaction.policy.site.spreadsheet import spreadsheet_cell
from io import BytesIO
from plone import api
from plone.memoize.view import memoize
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile
from urllib.parse import urlencode
from zope.component import getUtility
from zope.i18n import translate
from zope.schema.interfaces import IVocabularyFactory
import csv
import io


# The states in the order of a proposal's course (their names are the workflow's).
STATES = ("submitted", "under_study", "retained", "scheduled", "declined")
# The filters of the board: request name -> (attribute, vocabulary).
FILTERS = {
    "format": ("proposal_format", "coordaction.vocabularies.proposal_formats"),
    "theme": ("themes", "coordaction.vocabularies.themes"),
    "region": ("region", "coordaction.vocabularies.regions"),
}
# The columns of the export: (attribute or key, title).
COLUMNS = (
    ("title", _("Title")),
    ("format", _("Format")),
    ("state", _("State")),
    ("summary", _("Summary")),
    ("speakers", _("Speakers")),
    ("organisation", _("Group, association or organisation")),
    ("themes", _("Themes")),
    ("region", _("Region")),
    ("duration_minutes", _("Duration (minutes)")),
    ("room_needs", _("Room")),
    ("equipment", _("Equipment")),
    ("contact_name", _("Name of the proposer")),
    ("contact_email", _("Proposer's e-mail")),
    ("slot", _("Slot")),
    ("received", _("Received on")),
    ("url", _("Address")),
)


class Board(BrowserView):
    template = ViewPageTemplateFile("templates/board.pt")

    def __call__(self):
        self.request.response.setHeader("Cache-Control", "private, no-store")
        return self.template()

    @memoize
    def vocabulary(self, name):
        return getUtility(IVocabularyFactory, name)(self.context)

    def choices(self, request_name):
        """The options of a filter: [{value, title, selected}]."""
        _attribute, vocabulary = FILTERS[request_name]
        chosen = self.chosen().get(request_name)
        return [
            {
                "value": term.value,
                "title": translate(term.title, context=self.request),
                "selected": term.value == chosen,
            }
            for term in self.vocabulary(vocabulary)
        ]

    def state_choices(self):
        chosen = self.chosen().get("state")
        return [
            {
                "value": state,
                "title": self.state_title(state),
                "selected": state == chosen,
            }
            for state in STATES
        ]

    def state_title(self, state):
        """The name the workflow gives the state, in the page's language."""
        workflow = api.portal.get_tool("portal_workflow")[PROPOSAL_WORKFLOW]
        return translate(
            workflow.states[state].title, domain="plone", context=self.request
        )

    @memoize
    def chosen(self):
        """The filters of the request that name a known value."""
        form, chosen = self.request.form, {}
        for name, (_attribute, vocabulary) in FILTERS.items():
            value = form.get(name)
            if isinstance(value, str) and value in self.vocabulary(vocabulary):
                chosen[name] = value
        state = form.get("state")
        if isinstance(state, str) and state in STATES:
            chosen["state"] = state
        return chosen

    @memoize
    def all_proposals(self):
        brains = api.content.find(
            context=self.context,
            portal_type="MeetingProposal",
            sort_on="created",
            sort_order="descending",
        )
        return [brain.getObject() for brain in brains]

    def matches(self, proposal, chosen):
        for name, (attribute, _vocabulary) in FILTERS.items():
            if name not in chosen:
                continue
            value = getattr(proposal, attribute, None)
            values = value if isinstance(value, (list, tuple)) else [value]
            if chosen[name] not in values:
                return False
        return True

    def proposals(self):
        """The proposals the filters keep (all states but the chosen one)."""
        chosen = self.chosen()
        return [
            proposal
            for proposal in self.all_proposals()
            if self.matches(proposal, chosen)
            and (
                "state" not in chosen
                or api.content.get_state(proposal) == chosen["state"]
            )
        ]

    def counts(self):
        """[{state, title, count, url}] of the proposals the other filters keep."""
        chosen = {
            name: value for name, value in self.chosen().items() if name != "state"
        }
        states = [
            api.content.get_state(proposal)
            for proposal in self.all_proposals()
            if self.matches(proposal, chosen)
        ]
        return [
            {
                "state": state,
                "title": self.state_title(state),
                "count": states.count(state),
            }
            for state in STATES
        ]

    def row(self, proposal):
        """What the board and the export say of a proposal, by column."""
        view = ProposalView(proposal, self.request)
        return {
            "title": proposal.Title(),
            "format": view.label("proposal_format"),
            "state": view.state_title(),
            "summary": proposal.summary,
            "speakers": proposal.speakers,
            "organisation": proposal.organisation,
            "themes": view.label("themes"),
            "region": view.label("region") or view.national(),
            "duration_minutes": proposal.duration_minutes or "",
            "room_needs": proposal.room_needs,
            "equipment": proposal.equipment,
            "contact_name": proposal.contact_name,
            "contact_email": proposal.contact_email,
            "slot": view.slot(),
            "received": proposal.created().strftime("%d/%m/%Y"),
            "url": proposal.absolute_url(),
        }

    def rows(self):
        return [self.row(proposal) for proposal in self.proposals()]

    def export_query(self):
        return urlencode(self.chosen())

    def headers(self):
        return [translate(title, context=self.request) for _key, title in COLUMNS]

    def table(self):
        """The export: the header, then a row per proposal."""
        yield self.headers()
        for row in self.rows():
            yield [row[key] for key, _title in COLUMNS]

    def filename(self, extension):
        return f"propositions-{self.context.getId()}.{extension}"


class CsvExport(Board):
    def __call__(self):
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        for cells in self.table():
            writer.writerow([spreadsheet_cell(cell) for cell in cells])
        response = self.request.response
        response.setHeader("Content-Type", "text/csv; charset=utf-8")
        response.setHeader(
            "Content-Disposition", f'attachment; filename="{self.filename("csv")}"'
        )
        response.setHeader("Cache-Control", "private, no-store")
        # With its byte order mark: a spreadsheet then reads the accents right.
        return "\ufeff" + out.getvalue()


class XlsxExport(Board):
    def __call__(self):
        from openpyxl import Workbook

        workbook = Workbook()
        sheet = workbook.active
        sheet.title = translate(_("Proposals"), context=self.request)[:31]
        for cells in self.table():
            sheet.append(["" if cell is None else cell for cell in cells])
            # Text stays text: "=…" written by a visitor is no formula.
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, str):
                    cell.data_type = "s"
        out = BytesIO()
        workbook.save(out)
        response = self.request.response
        response.setHeader(
            "Content-Type",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response.setHeader(
            "Content-Disposition", f'attachment; filename="{self.filename("xlsx")}"'
        )
        response.setHeader("Cache-Control", "private, no-store")
        return out.getvalue()
