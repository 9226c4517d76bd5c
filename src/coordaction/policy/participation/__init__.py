"""Participation of the public: the forms (collective.easyform) and the content
they create, the replies to ads and project sheets, anti-spam, and the scheduled
job (ad reminders and expiry, purge of old submissions).

Putting future residents in touch with projects (Mise en lien) lives in
``coordaction.policy.matching``."""
