"""REST: ``@search`` with ``b_start`` or ``b_size`` that are not whole numbers
answers 400 (plone.restapi's ``SearchGet`` hands them to the catalog, which reads
them with ``int()`` before plone.restapi's batching checks them: a ValueError, a
500). The search itself is plone.restapi's."""

from coordaction.policy import _
from plone.restapi.services.search.get import SearchGet
from zExceptions import BadRequest
from zope.i18n import translate


BATCH_PARAMETERS = ("b_start", "b_size")


class CheckedSearchGet(SearchGet):
    def reply(self):
        for name in BATCH_PARAMETERS:
            value = self.request.form.get(name)
            if value is not None and not (
                isinstance(value, str) and value.strip().isdigit()
            ):
                raise BadRequest(
                    translate(
                        _(
                            "« ${name} » doit être un nombre entier positif, pas "
                            "« ${value} ».",
                            mapping={"name": name, "value": str(value)[:50]},
                        ),
                        target_language="fr",
                    )
                )
        return super().reply()
