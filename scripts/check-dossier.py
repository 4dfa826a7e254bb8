#!/usr/bin/env python3
"""Renders `lernpfad dossier` and `lernpfad certificate` in headless Chromium and checks what a reader would see.

For the dossier (German and English) and the certificate (German and English):
- the page asks for nothing from the network (no src, link, @import or url(); links to sources are fine),
- a hostile learner name shows as text, never as markup,
- axe-core (the PyPI package the team report check uses) finds no WCAG 2 A/AA violation,
- no text is clipped: no cell or paragraph is wider than its box, on screen and at the width of A4 print,
- printing to PDF (`chromium --headless --print-to-pdf`) gives pages that `pdftoppm` turns into PNGs that are
  not blank; the certificate is exactly one page.
Then `verify-certificate` accepts the certificate (exit 0) and refuses an edited copy (exit 1).
The PNG pages stay in WORKDIR to be looked at.
Usage: check-dossier.py BINARY WORKDIR
"""
import datetime
import html as html_text
import json
import pathlib
import re
import shutil
import subprocess
import sys

import axe_core_python
from PIL import Image

AXE = pathlib.Path(axe_core_python.__file__).parent / "axe.min.js"
REPOSITORY = pathlib.Path(__file__).resolve().parent.parent
HOSTILE = '<img src=x onerror=alert(1)> Eve & "Mallory" \u202egnp.exe'

# Runs in a copy only. Measures clipping at the window's width and at the width of an A4 page's print area,
# then runs axe-core, and writes what it found into <pre id="check">.
MEASURE = """
<script>
(async () => {
  const out = {clipped: []};
  function clipped(label) {
    for (const el of document.querySelectorAll("td, th, p, dd, dt, li, h1, h2, h3, caption, strong")) {
      if (el.closest("#check")) continue;
      if (el.scrollWidth > el.clientWidth + 1) {
        out.clipped.push(label + ": <" + el.tagName.toLowerCase() + "> " + el.textContent.slice(0, 60) +
                         " (" + el.scrollWidth + " > " + el.clientWidth + ")");
      }
    }
    const page = document.documentElement;
    if (page.scrollWidth > page.clientWidth + 1) {
      out.clipped.push(label + ": page is " + page.scrollWidth + " wide in " + page.clientWidth);
    }
    for (const table of document.querySelectorAll("table")) {
      const box = table.parentElement.getBoundingClientRect();
      if (table.getBoundingClientRect().right > box.right + 1) {
        out.clipped.push(label + ": a table runs past its section: " + table.textContent.slice(0, 60));
      }
    }
  }
  clipped("screen");
  document.body.style.margin = "0";
  document.body.style.width = "182mm";
  document.body.style.maxWidth = "182mm";
  document.body.style.fontSize = "10pt";
  clipped("A4");
  document.body.removeAttribute("style");
  try {
    const result = await axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa"]}});
    out.violations = result.violations.map(v => ({id: v.id, nodes: v.nodes.length,
                                                  first: v.nodes[0] && v.nodes[0].html.slice(0, 200)}));
  } catch (error) {
    out.error = String(error);
  }
  const pre = document.createElement("pre");
  pre.id = "check";
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>
"""

CHROMIUM = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"]


def measure(page: pathlib.Path) -> dict:
    """The page with axe-core and MEASURE added, rendered by Chromium: what the script wrote."""
    copy = page.with_name(page.stem + "-checked.html")
    text = page.read_text(encoding="utf-8")
    script = "<script>" + AXE.read_text(encoding="utf-8") + "</script>" + MEASURE
    copy.write_text(text.replace("</body>", script + "</body>"), encoding="utf-8")
    browser = subprocess.run(
        CHROMIUM + ["--window-size=1000,1400", "--virtual-time-budget=60000", "--dump-dom", copy.as_uri()],
        capture_output=True, text=True, timeout=180)
    found = re.search(r'<pre id="check">(.*?)</pre>', browser.stdout, re.S)
    if not found:
        return {"error": "no result from the page; chromium said: " + browser.stderr[-1000:]}
    return json.loads(html_text.unescape(found.group(1)))


def print_pages(page: pathlib.Path) -> list[pathlib.Path]:
    """Prints `page` to PDF with Chromium and turns every page into a PNG with pdftoppm."""
    pdf = page.with_suffix(".pdf")
    pdf.unlink(missing_ok=True)
    subprocess.run(CHROMIUM + ["--no-pdf-header-footer", "--print-to-pdf-no-header", f"--print-to-pdf={pdf}",
                               page.as_uri()], capture_output=True, text=True, timeout=180)
    if not pdf.exists():
        return []
    for old in page.parent.glob(page.stem + "-page-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-png", "-r", "50", str(pdf), str(page.parent / (page.stem + "-page"))],
                   check=True, capture_output=True)
    return sorted(page.parent.glob(page.stem + "-page-*.png"))


def blank(png: pathlib.Path) -> bool:
    """True when a page is (nearly) all white."""
    image = Image.open(png).convert("L")
    dark = sum(image.histogram()[:200])
    return dark < 200


def main() -> int:
    binary, work = sys.argv[1], pathlib.Path(sys.argv[2])
    work.mkdir(parents=True, exist_ok=True)
    data = work / "data"
    shutil.rmtree(data, ignore_errors=True)
    today = datetime.date.today().isoformat()
    subprocess.run([binary, "dev", "generate-team", "--learners", "40", "--seed", "7", "--until", today,
                    "--data", str(data)], check=True, capture_output=True)
    subprocess.run([binary, "learner", "add", "eve", "--name", HOSTILE, "--team", "<b>red</b>", "--roles", "staff",
                    "--data", str(data)], check=True, capture_output=True)
    shutil.copy(REPOSITORY / "docs" / "examples" / "organisation.yaml", data / "organisation.yaml")
    passed = failed = 0

    def check(ok: bool, message: str) -> None:
        nonlocal passed, failed
        if ok:
            passed += 1
        else:
            failed += 1
            print(f"FAIL {message}")

    def check_page(page: pathlib.Path, name: str, hostile: bool) -> list[pathlib.Path]:
        text = page.read_text(encoding="utf-8")
        without_links = re.sub(r'<a href="https?://[^"]*"', "<a", text)
        check(not re.search(r'\ssrc=|<link|@import|url\(|https?://[^\s<"]*\.(js|css|png|woff)', without_links),
              f"{name}: the page loads something from outside")
        check(not re.search(r"<script(?! type=\"application/json\")", text), f"{name}: the page has a script")
        if hostile:
            # Eve has no measures yet, so her team (in the coverage table) is what the dossier shows of her.
            check("<b>red" not in text and "&lt;b&gt;red&lt;/b&gt;" in text, f"{name}: the hostile team is not escaped")
            check("\u202e" not in text, f"{name}: a bidi override reached the page")
        found = measure(page)
        check("error" not in found, f"{name}: {found.get('error')}")
        for item in found.get("clipped", []):
            check(False, f"{name}: clipped: {item}")
        for violation in found.get("violations", []):
            check(False, f"{name}: axe-core: {violation['id']} on {violation['nodes']} element(s), "
                         f"first: {violation['first']}")
        check("violations" in found, f"{name}: axe-core did not report")
        pages = print_pages(page)
        check(bool(pages), f"{name}: printing to PDF gave no pages")
        for png in pages:
            check(not blank(png), f"{name}: printed page {png.name} is blank")
        return pages

    for language in ("de", "en"):
        page = work / f"dossier-{language}.html"
        run = subprocess.run([binary, "dossier", "--language", language, "--data", str(data), "--output", str(page)],
                             capture_output=True, text=True)
        check(run.returncode == 0, f"dossier {language}: exit {run.returncode}: {run.stderr}")
        pages = check_page(page, f"dossier {language}", hostile=True)
        check(len(pages) >= 3, f"dossier {language}: {len(pages)} printed pages, expected a section per page")
        print(f"dossier {language}: {len(pages)} pages: {', '.join(str(p) for p in pages)}")

    team = json.loads(subprocess.run([binary, "team", "--format", "json", "--data", str(data)], check=True,
                                     capture_output=True, text=True).stdout)
    holder = next(((learner["id"], path["role"]) for learner in team["learners"] for path in learner["paths"]
                   if path["state"] == "completed" and path["role"] != "staff"), None)
    holder = holder or next(((learner["id"], path["role"]) for learner in team["learners"]
                             for path in learner["paths"] if path["state"] == "completed"), None)
    check(holder is not None, "no learner with a completed path in the generated team")
    if holder:
        learner, role = holder
        for language in ("de", "en"):
            page = work / f"certificate-{language}.html"
            run = subprocess.run([binary, "certificate", "--learner", learner, "--path", role, "--language", language,
                                  "--data", str(data), "--output", str(page)], capture_output=True, text=True)
            check(run.returncode == 0, f"certificate {language}: exit {run.returncode}: {run.stderr}")
            pages = check_page(page, f"certificate {language}", hostile=False)
            check(len(pages) == 1, f"certificate {language}: {len(pages)} printed pages, expected 1")
            print(f"certificate {language} ({learner}, {role}): {', '.join(str(p) for p in pages)}")
            verify = subprocess.run([binary, "verify-certificate", str(page), "--data", str(data)],
                                    capture_output=True, text=True)
            check(verify.returncode == 0 and "matches" in verify.stdout,
                  f"verify-certificate {language}: exit {verify.returncode}: {verify.stdout}{verify.stderr}")
        text = (work / "certificate-en.html").read_text(encoding="utf-8")
        edited = work / "certificate-edited.html"
        edited.write_text(re.sub(r'"score" : [0-9.]+', '"score" : 1', text, count=1)
                          .replace('"score" : 1', '"score" : 0.55', 1), encoding="utf-8")
        verify = subprocess.run([binary, "verify-certificate", str(edited), "--data", str(data)],
                                capture_output=True, text=True)
        check(verify.returncode == 1 and "does not match" in verify.stdout,
              f"verify-certificate accepted an edited score: exit {verify.returncode}: {verify.stdout}")
    print(f"dossier and certificate: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
