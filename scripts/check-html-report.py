#!/usr/bin/env python3
"""Renders `lernpfad team --format html` in headless Chromium and checks what a person would see.

Checks: the page loads with no console errors, the screenshot shows the per-role chart (its
colours are on the page in the expected places), and the page asks for nothing from the network.
Usage: check-html-report.py BINARY WORKDIR
"""
import pathlib
import subprocess
import sys

from PIL import Image

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
    print(f"html report: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
