"""The REST API as a client sees it: what it reads it can write back, and what it
sends wrong is refused with 400."""
