"""Faceted navigation of the public sections (eea.facetednavigation): the pages
(``pages.py``), their criteria (``<section id>.xml``) and their French results
(``views.py``)."""
