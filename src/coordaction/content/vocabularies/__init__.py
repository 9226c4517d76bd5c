"""Named vocabularies of the portal (``coordaction.vocabularies.*``)."""
