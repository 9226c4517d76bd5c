"""Faceted navigation of the public sections (eea.facetednavigation): the pages
(``pages.py``), their criteria made from the table of sections (``criteria.py``)
and their French results (``views.py``)."""
