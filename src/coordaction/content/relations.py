"""What a relation tells its reader: only the items the reader may see.

Every relation field (``relatedItems``, ``superseded_by``, ``related_templates``...)
points to items that may be drafts, pending, expired or inside a private space.
Pages, REST serializers (``serializers``) and ``@relations`` ask this module, and
only this one, which targets to show; a REST write keeps the hidden ones."""

from coordaction.content.deserializers import CollectionFieldDeserializer
from coordaction.content.inactive import may_see
from coordaction.content.interfaces import ICoordactionContentLayer
from plone.app.uuid.utils import uuidToObject
from plone.dexterity.interfaces import IDexterityContent
from plone.dexterity.utils import iterSchemata
from plone.restapi.deserializer import json_body
from plone.restapi.deserializer.dxcontent import DeserializeFromJson
from plone.restapi.interfaces import IDeserializeFromJson
from plone.restapi.interfaces import IFieldDeserializer
from plone.restapi.services.relations.get import GetRelations
from z3c.relationfield.interfaces import IRelationChoice
from z3c.relationfield.interfaces import IRelationList
from zope.component import adapter
from zope.interface import implementer
from zope.schema import getFields


def readable_target(relation):
    """The item ``relation`` points to, or None when it is broken or when the
    current user may not view it."""
    if relation is None or relation.isBroken():
        return None
    target = relation.to_object
    if target is None or not may_see(target):
        return None
    return target


def readable_relations(relations):
    """The relations of a RelationList whose target the current user may view."""
    return [
        relation
        for relation in relations or ()
        if readable_target(relation) is not None
    ]


def _readable_uid(uid):
    obj = uuidToObject(uid, unrestricted=True)
    return obj is not None and may_see(obj)


class ReadableRelationsGet(GetRelations):
    """plone.restapi's ``@relations`` checks "View" on both ends of a relation,
    not whether the item is inactive (an expired ad): both ends must be readable."""

    def reply(self):
        result = super().reply()
        if not isinstance(result, dict) or "relations" not in result:
            return result
        for relations in result["relations"].values():
            relations["items"] = [
                entry
                for entry in relations["items"]
                # onlyBroken lists [source, target] URLs, already checked.
                if not isinstance(entry, dict)
                or (
                    _readable_uid(entry["source"].get("UID"))
                    and _readable_uid(entry["target"].get("UID"))
                )
            ]
            relations["items_total"] = len(relations["items"])
        return result


@implementer(IFieldDeserializer)
@adapter(IRelationList, IDexterityContent, ICoordactionContentLayer)
class KeepHiddenRelationsDeserializer(CollectionFieldDeserializer):
    """A client writes back the relations it was served: those it may not see were
    left out, and must not be lost (an editor who PATCHes ``relatedItems`` would
    otherwise unlink the drafts of others). They are kept after the new list,
    once it is validated (the reader may not pick a hidden target himself)."""

    def __call__(self, value):
        chosen = list(super().__call__(value))
        current = self.field.get(self.field.interface(self.context)) or ()
        hidden = [
            relation.to_object
            for relation in current
            if not relation.isBroken()
            and readable_target(relation) is None
            and relation.to_object not in chosen
        ]
        return self.field._type([*chosen, *hidden])


@implementer(IDeserializeFromJson)
@adapter(IDexterityContent, ICoordactionContentLayer)
class KeepHiddenRelationDeserializer(DeserializeFromJson):
    """A single relation whose target the reader may not see is served as null;
    plone.restapi would clear it when that null comes back, without asking the
    field's deserializer: such a null is left out of what is written."""

    def __call__(self, validate_all=False, data=None, create=False, **kwargs):
        if data is None:
            data = json_body(self.request)
        if isinstance(data, dict) and not create:
            for schema in iterSchemata(self.context):
                for name, field in getFields(schema).items():
                    if not (IRelationChoice.providedBy(field) and name in data):
                        continue
                    if data[name] is not None:
                        continue
                    current = field.get(field.interface(self.context))
                    if (
                        current is not None
                        and not current.isBroken()
                        and readable_target(current) is None
                    ):
                        del data[name]
        return super().__call__(
            validate_all=validate_all, data=data, create=create, **kwargs
        )
