#!/usr/bin/env python3
"""Renders `lernpfad team --format html` in headless Chromium and checks what a person would see.

Checks: the page loads with no console errors, the screenshot shows the per-role chart (its
colours are on the page in the expected places), and the page asks for nothing from the network.
Then, in German and in English, on a copy of the page with axe-core and a measuring script added:
axe-core finds no WCAG 2 A/AA violation, and every legend text of the chart ends inside the SVG
as Chromium lays it out (issue 13: "not started" was cut off at x=861 of 860).
Usage: check-html-report.py BINARY WORKDIR
"""
import html as html_text
import json
import pathlib
import re
import subprocess
import sys

import axe_core_python
from PIL import Image

AXE = pathlib.Path(axe_core_python.__file__).parent / "axe.min.js"

# Runs in the copy only: the report itself has no scripts. Writes what it found into <pre id="check">.
MEASURE = """
<script>
(async () => {
  const out = {legend: [], widths: []};
  for (const svg of document.querySelectorAll("svg")) {
    const width = svg.viewBox.baseVal.width;
    out.widths.push(width);
    for (const text of svg.querySelectorAll("text")) {
      const box = text.getBBox();
      out.legend.push({text: text.textContent, end: box.x + box.width, width: width,
                       legend: text.classList.contains("legend")});
    }
  }
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


def measure(page: pathlib.Path, work: pathlib.Path, name: str) -> dict:
    """The page with axe-core and MEASURE added, rendered by Chromium: what the script wrote."""
    copy = work / f"{name}-checked.html"
    text = page.read_text(encoding="utf-8")
    script = "<script>" + AXE.read_text(encoding="utf-8") + "</script>" + MEASURE
    copy.write_text(text.replace("</body>", script + "</body>"), encoding="utf-8")
    browser = subprocess.run(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=60000",
         "--dump-dom", copy.as_uri()], capture_output=True, text=True, timeout=180)
    found = re.search(r'<pre id="check">(.*?)</pre>', browser.stdout, re.S)
    if not found:
        return {"error": "no result from the page; chromium said: " + browser.stderr[-1000:]}
    return json.loads(html_text.unescape(found.group(1)))

CHART_COLOURS = {
    "completed": (0x2E, 0x7D, 0x32),
    "in progress": (0x15, 0x65, 0xC0),
    "overdue": (0xC6, 0x28, 0x28),
}


def main() -> int:
    binary, work = sys.argv[1], pathlib.Path(sys.argv[2])
    work.mkdir(parents=True, exist_ok=True)
    data = work / "data"
    subprocess.run([binary, "dev", "generate-team", "--learners", "60", "--seed", "5", "--data", str(data)],
                   check=True, capture_output=True)
    html = work / "team.html"
    subprocess.run([binary, "team", "--format", "html", "--as-of", "2026-11-20", "--data", str(data),
                    "--output", str(html)], check=True)
    shot = work / "team.png"
    browser = subprocess.run(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
         "--enable-logging=stderr", "--v=0", "--window-size=1100,900",
         f"--screenshot={shot}", html.as_uri()],
        capture_output=True, text=True, timeout=120)
    passed = failed = 0

    def check(ok: bool, message: str) -> None:
        nonlocal passed, failed
        if ok:
            passed += 1
        else:
            failed += 1
            print(f"FAIL {message}")

    check(shot.exists(), f"no screenshot; chromium said: {browser.stderr[-2000:]}")
    console = [line for line in browser.stderr.splitlines() if "CONSOLE" in line or "Uncaught" in line]
    check(not console, "console messages: " + " | ".join(console))
    text = html.read_text(encoding="utf-8")
    check("<svg" in text and "<script" not in text, "page must have the inline SVG chart and no scripts")
    check("http://" not in text.replace('xmlns="http://www.w3.org/2000/svg"', "") and "https://" not in text,
          "page must not load anything from the network")
    if shot.exists():
        image = Image.open(shot).convert("RGB")
        counts = {name: 0 for name in CHART_COLOURS}
        raw = image.tobytes()
        for offset in range(0, len(raw), 3):
            pixel = raw[offset:offset + 3]
            for name, colour in CHART_COLOURS.items():
                if all(abs(a - b) <= 6 for a, b in zip(pixel, colour)):
                    counts[name] += 1
        for name, count in counts.items():
            check(count > 200, f"the chart's '{name}' colour covers only {count} pixels in the screenshot")
    for language in ("de", "en"):
        page = work / f"team-{language}.html"
        subprocess.run([binary, "team", "--format", "html", "--as-of", "2026-11-20", "--data", str(data),
                        "--language", language, "--output", str(page)], check=True)
        found = measure(page, work, language)
        check("error" not in found, f"{language}: {found.get('error')}")
        legend = [item for item in found.get("legend", []) if item["legend"]]
        # One legend item per state of docs/status.md, "waived" included since issue 16.
        check(len(legend) == 7, f"{language}: {len(legend)} legend texts in the chart, expected 7")
        for item in found.get("legend", []):
            check(item["end"] <= item["width"],
                  f"{language}: '{item['text']}' ends at x={item['end']:.1f}, outside the chart's {item['width']}")
        for violation in found.get("violations", []):
            check(False, f"{language}: axe-core: {violation['id']} on {violation['nodes']} element(s), "
                         f"first: {violation['first']}")
        check("violations" in found, f"{language}: axe-core did not report")
    print(f"html report: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
