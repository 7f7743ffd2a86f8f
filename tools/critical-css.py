#!/usr/bin/env python3
"""Writes the reporter's critical CSS: the rules of the NHS.UK stylesheet and site.css that can apply to the
pages a reporter opens first (home, /report, /report/follow-up), so those pages paint before the whole
stylesheet has arrived on a slow connection (docs/decisions/0128-critical-css-inline.md).

Run it after upgrading nhsuk-frontend or changing those pages, with the site running:
    python3 tools/critical-css.py http://127.0.0.1:5000
A test (CriticalCssTests) fails when a rule here is no longer in the stylesheets, so an upgrade cannot drift
silently. Rules are kept whole, in their stylesheet's order, inside their @media / @supports blocks.
"""
import re
import sys
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WWWROOT = ROOT / "src/FailingWell.Web/wwwroot"
SHEETS = [WWWROOT / "lib/nhsuk-frontend/nhsuk-frontend.min.css", WWWROOT / "css/site.css"]
OUT = WWWROOT / "css/critical.css"
PAGES = ["/", "/report", "/report/follow-up"]
# Set on <body> by the inline script before anything paints.
BODY_CLASSES = {"js-enabled", "nhsuk-frontend-supported"}


def blocks(css):
    """Top-level (prelude, body) pairs; a body is the text between the braces."""
    out, i, n = [], 0, len(css)
    while i < n:
        j = css.find("{", i)
        if j < 0:
            break
        prelude = css[i:j].strip()
        depth, k = 1, j + 1
        while depth:
            if css[k] == "{":
                depth += 1
            elif css[k] == "}":
                depth -= 1
            k += 1
        out.append((prelude, css[j + 1:k - 1]))
        i = k
    return out


def selector_applies(selector, classes, ids, tags):
    bare = re.sub(r"\([^()]*\)", "", re.sub(r"\[[^\]]*\]", "", selector))
    wanted = set(re.findall(r"\.(-?[_a-zA-Z][\w-]*)", bare))
    wanted_ids = set(re.findall(r"#(-?[_a-zA-Z][\w-]*)", bare))
    wanted_tags = {t.lower() for t in re.findall(r"(?:^|[\s>+~])([a-zA-Z][a-zA-Z0-9]*)", bare)}
    return wanted <= classes and wanted_ids <= ids and wanted_tags <= tags


def keep(css, classes, ids, tags):
    kept = []
    for prelude, body in blocks(css):
        if prelude.startswith("@charset") or prelude.startswith("@font-face") or prelude.startswith("@keyframes"):
            continue
        if prelude.startswith("@media print"):
            continue
        if prelude.startswith("@"):
            inner = keep(body, classes, ids, tags)
            if inner:
                kept.append(prelude + "{" + inner + "}")
            continue
        selectors = [s for s in prelude.split(",") if selector_applies(s.strip(), classes, ids, tags)]
        if selectors:
            kept.append(",".join(s.strip() for s in selectors) + "{" + body.strip() + "}")
    return "".join(kept)


def minify(css):
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    css = re.sub(r"\s+", " ", css)
    return re.sub(r"\s*([{};,>])\s*", r"\1", css).strip()


def main():
    base = sys.argv[1].rstrip("/") if len(sys.argv) > 1 else "http://127.0.0.1:5000"
    classes, ids, tags = set(BODY_CLASSES), set(), {"html", "body"}
    for page in PAGES:
        html = urllib.request.urlopen(base + page).read().decode("utf-8")
        for value in re.findall(r'class="([^"]*)"', html):
            classes.update(value.split())
        ids.update(re.findall(r'id="([^"]*)"', html))
        tags.update(t.lower() for t in re.findall(r"<([a-zA-Z][a-zA-Z0-9]*)", html))
    css = "".join(keep(minify(sheet.read_text(encoding="utf-8")), classes, ids, tags) for sheet in SHEETS)
    OUT.write_text("/* Made by tools/critical-css.py from nhsuk-frontend.min.css and site.css: do not edit. */\n" + css + "\n", encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(css)} characters from {len(classes)} classes")


if __name__ == "__main__":
    main()
