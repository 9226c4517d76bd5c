"""The subscribers, for those who run the letter (``@@abonnes-lettre``, permission
"Manage portal"): how many, by state and topic; the export of the list as CSV; the
import of an existing list.

An imported address is confirmed only when its line says when consent was
collected (``consentement``: a date, 2024-03-01 or 01/03/2024): the portal did not
collect it, so the file must prove it. A line without it, or with a bad address,
topic or région, is refused with its number and the reason, in French, and the
others are imported; nothing is half-written on a line."""

from coordaction.policy import _
from coordaction.policy.mailqueue.list_mail import is_valid_email
from coordaction.policy.newsletter import subscribers
from coordaction.policy.newsletter.topics import TOPIC_IDS
from coordaction.policy.newsletter.topics import topics
from coordaction.policy.newsletter.topics import valid_region
from coordaction.policy.newsletter.topics import valid_topics
from coordaction.policy.site.spreadsheet import spreadsheet_cell
from datetime import UTC
from datetime import datetime
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from zope.i18n import translate
import csv
import io


COLUMNS = (
    "email",
    "themes",
    "region",
    "confirme",
    "consentement",
    "origine",
    "refus_serveur",
)
# A list of a few hundred thousand addresses, not more, in one request.
MAX_BYTES = 20 * 1024 * 1024
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y")


def consent_date(text):
    """The aware date of a consent cell, or None."""
    for date_format in DATE_FORMATS:
        try:
            day = datetime.strptime(text.strip(), date_format)
        except ValueError:
            continue
        if day.year >= 1990 and day <= datetime.now():
            return day.replace(tzinfo=UTC)
    return None


def read_rows(data):
    """[{column: text}] of a CSV file (UTF-8, with or without BOM; "," or ";")."""
    text = data.decode("utf-8-sig")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    return [
        {
            (key or "").strip().lower(): (value or "").strip()
            for key, value in row.items()
            if isinstance(value, str)
        }
        for row in reader
    ]


def import_rows(rows):
    """Import what can be; (how many imported, [(line number, French reason)])."""
    imported, refused = 0, []
    for number, row in enumerate(rows, start=2):
        email = subscribers.normalize_email(row.get("email"))
        chosen = valid_topics(
            [topic.strip() for topic in row["themes"].split("|")]
            if row.get("themes")
            else list(TOPIC_IDS)
        )
        region = valid_region(row.get("region", ""))
        consented = consent_date(row.get("consentement", ""))
        if not email or not is_valid_email(email):
            reason = _("not a valid e-mail address")
        elif not chosen:
            reason = _(
                "unknown topics (the topics are: ${topics})",
                mapping={"topics": ", ".join(TOPIC_IDS)},
            )
        elif region is None:
            reason = _("unknown région code")
        elif consented is None:
            reason = _("no date of consent (column “consentement”)")
        else:
            subscribers.subscribe(
                email, chosen, region, consent="import", consented=consented
            )
            imported += 1
            continue
        refused.append((number, reason))
    return imported, refused


def export_csv():
    """The list, one line per address, in the import's columns."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for _token, record in sorted(
        subscribers.all_subscribers(), key=lambda entry: entry[1]["email"]
    ):
        consent = record.get("consent") or {}
        confirmed = record["confirmed"]
        writer.writerow(
            spreadsheet_cell(cell)
            for cell in [
                record["email"],
                "|".join(record["topics"]),
                record["region"],
                confirmed.date().isoformat() if confirmed else "",
                # Never a date for what nobody confirmed: re-imported, it would
                # be confirmed.
                (consent.get("date") or confirmed).date().isoformat()
                if confirmed
                else "",
                consent.get("how", ""),
                record.get("bounced") or "",
            ]
        )
    return out.getvalue()


class SubscribersView(BrowserView):
    label = _("Subscribers of the letter")

    def __call__(self):
        self.imported = None
        self.refused = []
        self.error = None
        if self.request.method == "POST" and self.request.form.get("importer"):
            CheckAuthenticator(self.request)
            self.import_file(self.request.form.get("fichier"))
        return self.index()

    def import_file(self, upload):
        data = upload.read(MAX_BYTES + 1) if hasattr(upload, "read") else b""
        if not data:
            self.error = _("Choose a CSV file to import.")
        elif len(data) > MAX_BYTES:
            self.error = _("The file is too large: split it in files under 20 MB.")
        else:
            try:
                rows = read_rows(data)
            except (UnicodeDecodeError, csv.Error):
                rows = None
            if rows is None:
                self.error = _("The file is not a CSV file in UTF-8.")
            elif "email" not in (rows[0] if rows else {}):
                self.error = _("The file has no column “email”.")
            else:
                self.imported, refused = import_rows(rows)
                self.refused = [
                    (number, translate(reason, context=self.request))
                    for number, reason in refused
                ]
        if self.error:
            self.request.response.setStatus(400)

    def counts(self):
        everyone = [record for _token, record in subscribers.all_subscribers()]
        confirmed = [
            record
            for record in everyone
            if record["confirmed"] is not None and not record.get("bounced")
        ]
        return {
            "confirmed": len(confirmed),
            "pending": len([r for r in everyone if r["confirmed"] is None]),
            "bounced": len([r for r in everyone if r.get("bounced")]),
            "topics": [
                {
                    "title": title,
                    "count": len([r for r in confirmed if topic in r["topics"]]),
                }
                for topic, title in topics()
            ],
        }

    def topic_ids(self):
        return " | ".join(TOPIC_IDS)


class SubscribersExport(BrowserView):
    def __call__(self):
        response = self.request.response
        response.setHeader("Content-Type", "text/csv; charset=utf-8")
        response.setHeader(
            "Content-Disposition", 'attachment; filename="abonnes-lettre.csv"'
        )
        response.setHeader("Cache-Control", "private, no-store")
        return export_csv()
