"""The two front doors of the portal: the home page (``home.py``, shown at the
site root by ``site_root.py``) and *Mon espace* (``mon_espace.py``); their texts
are registry records (``settings.py``)."""
