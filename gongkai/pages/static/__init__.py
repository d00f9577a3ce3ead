"""Static files the pages need, shipped with the package so every engine publishes the same."""

from importlib import resources

# What a page may load and run, as a <meta> tag on every page (and as the header README.md shows for servers):
# everything from the site's own address and nothing from any other; no inline script or style, no plugin,
# no <base> or form that leads elsewhere. data: images are the theme's icons, drawn in its stylesheet.
CONTENT_SECURITY_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                           "font-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; "
                           "base-uri 'self'; form-action 'self'")
# The preview (`gongkai serve`): MkDocs reloads the page on a change by an inline script of its own, which
# differs on every page load, so no hash can name it.
PREVIEW_POLICY = CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
# The theme's inline scripts, as files (see overrides/partials/javascripts/), and the site's own script (the menu
# button, the menu's toggles, the language link's fragment): site path → file name here.
SCRIPTS = {"assets/theme-scope.js": "theme-scope.js", "assets/theme-content.js": "theme-content.js",
           "assets/gongkai.js": "gongkai.js"}


def stylesheet() -> str:
    return resources.files(__name__).joinpath("gongkai.css").read_text(encoding="utf-8")


def scripts() -> list[tuple[str, str]]:
    """The scripts every page loads besides the theme's own: (site path, content)."""
    return [(path, resources.files(__name__).joinpath(name).read_text(encoding="utf-8")) for path, name in SCRIPTS.items()]
