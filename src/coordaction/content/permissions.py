"""Permission ids of the content model (declared in permissions.zcml)."""

# Who may read the contact e-mail of a project sheet or an ad: never the public.
VIEW_CONTACT_PERMISSION = "coordaction.ViewProjectContact"
