"""*Outils pour vos sites*: what the associations' own websites can take from the
portal (the widget, the feeds, the iCalendar agenda, the REST API), on a page with a
live preview and snippets to copy; the sites allowed to read the portal are set in
``coordaction.policy.security.cors_settings``."""
