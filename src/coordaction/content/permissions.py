"""Permission ids of the content model (declared in permissions.zcml)."""

# Who may read the contact e-mail of a project sheet or an ad: never the public.
VIEW_CONTACT_PERMISSION = "coordaction.ViewProjectContact"

# Who changes where a chantier stands and answers its offers of help: whoever
# carries it (its author, the coordinators of the working group that carries it)
# and the administrators; not the public sections' editorial team.
MANAGE_WORKSTREAM_PERMISSION = "coordaction.ManageWorkstream"
