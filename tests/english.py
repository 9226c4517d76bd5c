"""English words a person must not meet on the portal: its pages (the browser test
tests/acceptance/test_french_everywhere.py) and its e-mails (tests/mailbox.py).
A word that is legitimately French or a proper noun goes in ALLOWED or
ALLOWED_TEXTS, with the reason."""

import re


# English a person must not meet: {pattern: what it catches}. Case-sensitive, whole
# words: "Edit" is English, "édition" is not.
ENGLISH = {
    r"\bPowered\b": "Plone's colophon",
    r"\bRequired\b": "the mark of a required field",
    r"\bClose\b": "a button that closes a menu or a dialog",
    r"\bremove\b": "the button that removes a filter",
    r"\bRead more\b": "eea's link under a result",
    r"\bRelated Items\b": "the related items field",
    r"\bRelated\b": "related content",
    r"\b\d+(\.\d+)? ?[KMG]B\b": "a file size in English (KB instead of Ko)",
    r"\bAllowed types\b": "the image field's hint",
    r"\bEnable\b": "an action that turns a feature on",
    r"\bDisable\b": "an action that turns a feature off",
    r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b": "an English month",
    r"\b(January|February|March|April|June|July|August|October|November|December)\b": (
        "an English month"
    ),
    r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b": "a weekday",
    r"\b(AM|PM)\b": "an English hour",
    r"\(Europe/Paris\)": "a time zone name after a date",
    r"\btext/(html|plain|x-[a-z-]+)\b": "a MIME type offered as a text format",
    r"b'": "Python's bytes shown as text",
    r"\b(Search|Submit|Cancel|Save|Edit|Delete|Remove|Upload|Browse|Select)\b": (
        "a button"
    ),
    r"\b(Log in|Log out|Login|Logout|Sign in|Username|Password)\b": "logging in",
    r"\b(Home|Next|Previous|Back|Show|Hide|More|Less|Loading)\b": "navigation",
    r"\b(Download|Contents|View|Share|Add|Actions|Display|State)\b": "Plone's menus",
    r"\b(Upcoming|Events|News|Results|Filter|Filters|Sort|Today)\b": "a listing",
    r"\b(Title|Summary|Description|Text|Categorization|Settings|Ownership)\b": (
        "a field or a tab of a form"
    ),
    r"\b(Welcome|Yes|No|None|Error|Warning|Info|Sorry)\b": "a message",
    r"\b(the|and|of|with|your|for|this|from|you)\b": "an English sentence",
}
ENGLISH_PATTERN = re.compile("|".join(f"(?:{pattern})" for pattern in ENGLISH))

# Words that match ENGLISH but are French too: {word: why}.
ALLOWED = {
    "Description": "French: the description of a content item",
    "Actions": "French: the menu of actions on the current item",
}
# Whole texts that match ENGLISH but are French: {text: why}.
ALLOWED_TEXTS = {
    "Mar.": "French: mardi, in the date picker's week (not March)",
}


def english_in(text):
    """The English words of ``text`` that ALLOWED does not excuse."""
    if text in ALLOWED_TEXTS:
        return []
    return [
        match.group(0)
        for match in ENGLISH_PATTERN.finditer(text)
        if match.group(0) not in ALLOWED
    ]
