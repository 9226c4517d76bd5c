"""Headers that several parts of an answer add to."""


def add_vary(response, header):
    """Add ``header`` to the answer's ``Vary``, keeping what is there already (the
    caching rules, CORS and the language each add their own)."""
    vary = response.getHeader("Vary") or ""
    names = [name.strip() for name in vary.split(",") if name.strip()]
    if "*" in names or header.lower() in (name.lower() for name in names):
        return
    response.setHeader("Vary", ", ".join([*names, header]))
