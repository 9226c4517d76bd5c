"""Contributing where you are: the *Proposer…* buttons of the sections, the group
spaces and *Mon espace*, and the short forms they open (the essentials first,
the rest in at most three tabs named in plain French)."""
