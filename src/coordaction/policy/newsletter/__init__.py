"""La lettre d'information: its subscribers (double opt-in, topics, one-click
unsubscribe, never Plone users), and what they are offered on the portal's pages,
by REST and on partner sites."""
