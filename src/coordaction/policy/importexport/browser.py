"""``@@import-export``: the administrators' page to import a CSV or JSON file of
project sheets or resources (or simulate the import), and to export them."""

from coordaction.policy.importexport.columns import COLUMNS
from coordaction.policy.importexport.columns import SECTIONS
from coordaction.policy.importexport.run import MEDIA_TYPES
from coordaction.policy.importexport.run import Report
from coordaction.policy.importexport.run import export_file
from coordaction.policy.importexport.run import import_file
from datetime import date
from plone.protect import CheckAuthenticator
from Products.Five.browser import BrowserView
from Products.Five.browser.pagetemplatefile import ViewPageTemplateFile


class ImportExportView(BrowserView):
    template = ViewPageTemplateFile("templates/import_export.pt")

    report = None
    problem = None  # a French message when the form could not be used
    filename = None
    section = None

    def __call__(self):
        form = self.request.form
        if form.get("export"):
            return self.export(form.get("export"), form.get("format") or "csv")
        if self.request.method == "POST" and form.get("form.import"):
            CheckAuthenticator(self.request)
            self.run_import(form)
        return self.template()

    def sections(self):
        return [
            {
                "key": section.key,
                "title": section.title,
                "folder": section.folder,
                "available": section.folder in self.context.objectIds(),
                "columns": COLUMNS[section.portal_type],
                "csv": f"{self.url()}?export={section.key}&format=csv",
                "json": f"{self.url()}?export={section.key}&format=json",
            }
            for section in SECTIONS.values()
        ]

    def url(self):
        return f"{self.context.absolute_url()}/@@import-export"

    def container(self, section):
        return self.context.get(section.folder)

    def run_import(self, form):
        section = SECTIONS.get(form.get("type"))
        upload = form.get("file")
        if section is None:
            self.problem = "Choisissez le type des éléments à importer."
            return
        container = self.container(section)
        if container is None:
            self.problem = f"La rubrique « {section.folder} » n'existe pas sur ce site."
            return
        if not upload or not getattr(upload, "filename", None):
            self.problem = "Choisissez un fichier CSV ou JSON."
            return
        self.section = section
        self.filename = upload.filename
        self.report = import_file(
            container,
            section.portal_type,
            upload.read(),
            filename=upload.filename,
            dry_run=bool(form.get("dry_run")),
        )

    def report_lines(self):
        report: Report = self.report
        return report.error_lines() if report else []

    def export(self, key, file_format):
        section = SECTIONS.get(key)
        response = self.request.response
        if section is None or file_format not in MEDIA_TYPES:
            response.setStatus(400)
            return "Export inconnu : indiquez export=projets ou ressources, format=csv ou json."
        container = self.container(section)
        if container is None:
            response.setStatus(404)
            return f"La rubrique « {section.folder} » n'existe pas sur ce site."
        body = export_file(container, section.portal_type, file_format).encode("utf-8")
        filename = f"{section.key}-{date.today().isoformat()}.{file_format}"
        response.setHeader("Content-Type", MEDIA_TYPES[file_format])
        response.setHeader("Content-Disposition", f'attachment; filename="{filename}"')
        response.setHeader("Content-Length", str(len(body)))
        return body
