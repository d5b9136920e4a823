#!/usr/bin/python3
"""check_report.py REPORT.html PNG
The report names no external URL and loads nothing (no src, href, script or
@import), and headless Chromium renders it to a PNG. Exits 77 (skipped) when
/usr/bin/chromium is absent."""
import os
import re
import struct
import subprocess
import sys
import tempfile

report, png = sys.argv[1:3]
with open(report, encoding="utf-8") as f:
    html = f.read()
urls = re.findall(r"[a-zA-Z][a-zA-Z0-9+.-]*://[^\s\"'<>)]*", html)
assert not urls, "external URLs in the report: %s" % urls[:5]
assert not re.search(r"\b(src|href)\s*=", html, re.I), "the report links or loads something"
assert "<script" not in html.lower() and "@import" not in html, "the report has a script or an import"
for text in ("<svg", "class=\"zh\"", "class=\"en\""):
    assert text in html, text
print("no external URL in", report)

chromium = "/usr/bin/chromium"
if not os.path.exists(chromium):
    print("SKIPPED: %s is absent, so the report was not rendered (apt-get install chromium to render it)" % chromium)
    sys.exit(77)
if os.path.exists(png):
    os.remove(png)
with tempfile.TemporaryDirectory() as profile:
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--user-data-dir=" + profile,
                    "--window-size=1200,4000", "--screenshot=" + os.path.abspath(png), "file://" + os.path.abspath(report)],
                   check=True, timeout=120, capture_output=True)
with open(png, "rb") as f:
    data = f.read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
width, height = struct.unpack(">II", data[16:24])
assert (width, height) == (1200, 4000), (width, height)
# A blank page compresses to almost nothing; charts and text do not.
assert len(data) > 50_000, "the rendering looks empty (%d bytes)" % len(data)
print("rendered %s: %dx%d, %d kB" % (png, width, height, len(data) // 1024))
