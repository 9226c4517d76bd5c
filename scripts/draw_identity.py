"""Draw the Coordin'action's logo, icon, favicon and touch icon into
src/coordaction/policy/identity/static/ (run it again after changing a colour or
a shape here, then look at the result).

The letters are Roboto (Barceloneta's font, Apache 2.0, read from the installed
theme) turned into paths, so that the logo looks the same without the font. Needs
fontTools, which the project does not install::

    .venv/bin/pip install fonttools && .venv/bin/python scripts/draw_identity.py

The PNG and ICO files are drawn by Chromium (Playwright) from icon.svg, and packed
by Pillow.
"""

from pathlib import Path
import plonetheme.barceloneta


STATIC = Path(__file__).parent.parent / "src/coordaction/policy/identity/static"
ROBOTO = Path(plonetheme.barceloneta.__file__).parent / "theme" / "roboto"
# The palette (also in static/identity.css): teal, dark teal, terracotta, ochre.
TEAL, DARK, TERRA, OCHRE = "#1b6b63", "#0f4c46", "#b84a26", "#e0a030"


def text_path(font_file, text, x, y, size, spacing=0.0):
    """The SVG path of ``text`` set in ``font_file`` at (x, y), and where it ends."""
    from fontTools.pens.svgPathPen import SVGPathPen
    from fontTools.pens.transformPen import TransformPen
    from fontTools.ttLib import TTFont

    font = TTFont(ROBOTO / font_file)
    cmap = font.getBestCmap()
    glyphs = font.getGlyphSet()
    scale = size / font["head"].unitsPerEm
    pen = SVGPathPen(glyphs, ntos=lambda v: f"{v:.2f}".rstrip("0").rstrip("."))
    cursor = x
    for char in text:
        glyph = glyphs[cmap[ord(char)]]
        glyph.draw(TransformPen(pen, (scale, 0, 0, -scale, cursor, y)))
        cursor += glyph.width * scale + spacing
    return pen.getCommands(), cursor


def emblem():
    """Three houses side by side, the middle one taller: a group under its roofs."""
    return f"""
  <g stroke="#fff" stroke-width="2.5" stroke-linejoin="round">
    <path fill="{TERRA}" d="M1 41 L16 26 L31 41 V66 H1 Z"/>
    <path fill="{OCHRE}" d="M45 41 L60 26 L75 41 V66 H45 Z"/>
    <path fill="{TEAL}" d="M17 31 L38 10 L59 31 V66 H17 Z"/>
  </g>
  <rect x="32" y="48" width="12" height="18" rx="5" fill="#fff"/>
  <circle cx="38" cy="34" r="5" fill="#fff"/>
  <rect x="6" y="48" width="7" height="7" rx="1" fill="#fff"/>
  <rect x="63" y="48" width="7" height="7" rx="1" fill="#fff"/>"""


def logo():
    word, end = text_path("roboto-bold.ttf", "Coordin\u2019action", 86, 42, 33)
    tagline, end2 = text_path(
        "roboto-medium.ttf", "habitat participatif", 87.5, 62, 15, 0.9
    )
    width = round(max(end, end2) + 4)
    return f"""<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="72" \
viewBox="0 0 {width} 72" role="img" aria-labelledby="title">
  <title id="title">Coordin’action — habitat participatif</title>{emblem()}
  <path fill="{DARK}" d="{word}"/>
  <path fill="{TERRA}" d="{tagline}"/>
</svg>
"""


def icon():
    return f"""<svg xmlns="http://www.w3.org/2000/svg" width="76" height="76" \
viewBox="0 0 76 76">
  <title>Coordin’action</title>{emblem()}
</svg>
"""


def raster_icons():
    """favicon.ico (16, 32, 48 px, transparent) and apple-touch-icon.png (180 px,
    on white: iOS fills transparency with black)."""
    from PIL import Image
    from playwright.sync_api import sync_playwright

    source = (STATIC / "icon.svg").as_uri()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
        )
        for size, margin, background, name in (
            (256, 0, "transparent", "icon-256.png"),
            (180, 14, "#fff", "apple-touch-icon.png"),
        ):
            page = browser.new_page(viewport={"width": size, "height": size})
            page.goto(STATIC.as_uri() + "/")  # a file: page may show a file: image
            page.set_content(
                f"<body style='margin:0;background:{background}'><img src='{source}' "
                f"style='display:block;margin:{margin}px;width:{size - 2 * margin}px'>"
            )
            page.screenshot(
                path=STATIC / name, omit_background=background == "transparent"
            )
        browser.close()
    large = STATIC / "icon-256.png"
    Image.open(large).convert("RGBA").save(
        STATIC / "favicon.ico", sizes=[(16, 16), (32, 32), (48, 48)]
    )
    large.unlink()
    touch = STATIC / "apple-touch-icon.png"
    Image.open(touch).convert("RGB").save(touch, optimize=True)


def main():
    (STATIC / "logo.svg").write_text(logo(), encoding="utf-8")
    (STATIC / "icon.svg").write_text(icon(), encoding="utf-8")
    raster_icons()


if __name__ == "__main__":
    main()
