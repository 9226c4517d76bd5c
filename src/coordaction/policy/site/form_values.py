"""What a person typed in a form field, read from ``request.form`` whatever it
holds: a text, a field repeated by a hand-made request (the first), or nothing."""


def form_text(form, name):
    """The field's text, stripped; "" when it is missing or not a text."""
    value = form.get(name)
    if isinstance(value, (list, tuple)):
        value = value[0] if value else ""
    return value.strip() if isinstance(value, str) else ""
