#!/usr/bin/env python3
"""Opens the HTML report in headless Chromium over the DevTools protocol, finds
the highlighted "2020" of corpus/000_5eb7f0aaffca3f40.txt line 26, checks it
is visible, clicks it like a user, checks the popup shows the finding's
message, and saves a screenshot.

Usage: report_test.py CHROMIUM REPORT.html SCREENSHOT.png
"""
import base64
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.request

import websocket  # websocket-client

ARTICLE = "corpus/000_5eb7f0aaffca3f40.txt"
LINE = 26
TEXT = "2020"
MESSAGE = "the four regions were annexed in 2022, not 2020"


class Page:
    def __init__(self, ws_url):
        self.ws = websocket.create_connection(ws_url, timeout=30, suppress_origin=True)
        self.next_id = 0

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            reply = json.loads(self.ws.recv())
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})

    def js(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True,
                           awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"JS failed: {result['exceptionDetails']}")
        return result["result"].get("value")


def fail(message):
    print(f"browser test FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def main():
    chromium, report, screenshot = sys.argv[1:4]
    url = "file://" + os.path.abspath(report)
    profile = tempfile.mkdtemp(prefix="factlint-chromium-")
    browser = subprocess.Popen(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu",
         "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
         f"--user-data-dir={profile}", "--remote-debugging-port=0",
         "--window-size=1280,900", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        port = None
        deadline = time.time() + 60
        while time.time() < deadline:
            line = browser.stderr.readline()
            if not line:
                if browser.poll() is not None:
                    fail(f"chromium exited with {browser.returncode}")
                continue
            m = re.search(r"DevTools listening on ws://[^:]+:(\d+)/", line)
            if m:
                port = int(m.group(1))
                break
        if port is None:
            fail("chromium did not open the DevTools port")
        targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list"))
        page_target = next(t for t in targets if t.get("type") == "page")
        page = Page(page_target["webSocketDebuggerUrl"])
        page.call("Page.enable")
        page.call("Emulation.setDeviceMetricsOverride", width=1280, height=900,
                  deviceScaleFactor=1, mobile=False)
        page.call("Page.navigate", url=url)
        for _ in range(100):
            if page.js("document.readyState") == "complete":
                break
            time.sleep(0.1)
        else:
            fail("the report did not finish loading")

        # The span: a <mark> in the article whose finding is on line 26.
        found = page.js(f"""(() => {{
            const article = document.querySelector('article[data-path="{ARTICLE}"]');
            if (!article) return {{error: 'no article section for {ARTICLE}'}};
            const marks = [...article.querySelectorAll('mark[data-ids]')].filter(m =>
                m.textContent === '{TEXT}' &&
                m.dataset.ids.split(' ').some(id => {{
                    const d = document.getElementById('detail-' + id);
                    return d && d.dataset.line === '{LINE}';
                }}));
            if (marks.length !== 1) return {{error: marks.length + ' marks found'}};
            const m = marks[0];
            m.id = 'under-test';
            m.scrollIntoView({{block: 'center'}});
            const r = m.getBoundingClientRect();
            const style = getComputedStyle(m);
            const x = r.left + r.width / 2, y = r.top + r.height / 2;
            return {{
                width: r.width, height: r.height, x: x, y: y,
                visibility: style.visibility, display: style.display,
                background: style.backgroundColor,
                onTop: document.elementFromPoint(x, y) === m,
                popupHidden: document.getElementById('popup').hidden,
            }};
        }})()""")
        if not found or "error" in found:
            fail(f"highlighted span not found: {found}")
        print(f"span found: {found}")
        if found["width"] <= 0 or found["height"] <= 0:
            fail("the span has no size")
        if found["visibility"] != "visible" or found["display"] == "none":
            fail("the span is hidden")
        if found["background"] in ("rgba(0, 0, 0, 0)", "transparent"):
            fail("the span is not highlighted")
        if not found["onTop"]:
            fail("something covers the span")
        if not found["popupHidden"]:
            fail("the popup is open before the click")

        # A real click, as a user's mouse would do it.
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            page.call("Input.dispatchMouseEvent", type=kind, x=found["x"], y=found["y"],
                      button="left", clickCount=1)
        popup = page.js("""(() => {
            const p = document.getElementById('popup');
            const r = p.getBoundingClientRect();
            return {hidden: p.hidden, text: p.textContent, width: r.width, height: r.height,
                    links: [...p.querySelectorAll('a')].map(a => a.getAttribute('href'))};
        })()""")
        print(f"popup: hidden={popup['hidden']} size={popup['width']}x{popup['height']}")
        if popup["hidden"] or popup["width"] <= 0:
            fail("the popup did not open on click")
        if MESSAGE not in popup["text"]:
            fail(f"the popup does not show the message: {popup['text']!r}")

        # Related spans are links to the other article: follow the quote drift one.
        jump = page.js("""(() => {
            const d = [...document.querySelectorAll('li.detail[data-check="quote-drift"]')][0];
            if (!d) return {error: 'no quote-drift finding'};
            const link = d.querySelector('ul.related a');
            if (!link) return {error: 'no related link'};
            const target = link.getAttribute('href').slice(1);
            let el = document.getElementById(target);
            while (el && el.tagName !== 'MARK') el = el.nextElementSibling;
            return {href: link.getAttribute('href'), target: el && el.textContent,
                    article: el && el.closest('article').dataset.path,
                    from: d.closest('article').dataset.path};
        })()""")
        print(f"related link: {jump}")
        if "error" in jump or not jump.get("target") or jump["article"] == jump["from"]:
            fail(f"the related span link does not lead to the other article: {jump}")

        # Back to the span, popup open, for the screenshot.
        page.js("document.getElementById('under-test').scrollIntoView({block: 'center'})")
        found = page.js("""(() => { const r = document.getElementById('under-test')
            .getBoundingClientRect(); return {x: r.left + r.width / 2, y: r.top + r.height / 2}; })()""")
        for kind in ("mousePressed", "mouseReleased"):
            page.call("Input.dispatchMouseEvent", type=kind, x=found["x"], y=found["y"],
                      button="left", clickCount=1)
        shot = page.call("Page.captureScreenshot", format="png")
        os.makedirs(os.path.dirname(os.path.abspath(screenshot)), exist_ok=True)
        with open(screenshot, "wb") as f:
            f.write(base64.b64decode(shot["data"]))
        print(f"screenshot: {screenshot}")
        page.ws.close()
    finally:
        browser.terminate()
        try:
            browser.wait(timeout=10)
        except subprocess.TimeoutExpired:
            browser.kill()
    print("browser test passed")


if __name__ == "__main__":
    main()
