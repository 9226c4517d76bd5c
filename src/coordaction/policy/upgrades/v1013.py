"""1013: the project deposit form's "Site web" is a line of text that the project
sheet's address field checks (in French) when the sheet is created, instead of a
zope.schema.URI that answered in English. A form an administrator has changed
since keeps its own model."""

from coordaction.policy.participation.forms import CONTRIBUTE_SECTION
from plone import api
import re


FORM_ID = "deposer-une-fiche-projet"
WEBSITE_AS_URI = re.compile(r'(<field\s+name="website"\s+type=")zope\.schema\.URI"')


def website_checked_by_the_sheet(context):
    section = api.portal.get().get(CONTRIBUTE_SECTION)
    form = section.get(FORM_ID) if section is not None else None
    if form is not None and form.fields_model:
        form.fields_model = WEBSITE_AS_URI.sub(
            r'\1zope.schema.TextLine"', form.fields_model
        )
