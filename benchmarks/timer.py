"""What running speech timers cost the server: CPU seconds per second and messages sent, in headless Chromium.

Opens ``--timers`` Practice pages, starts each one's 3:00 timer, then reads the server process's CPU time
(``/proc``) and counts the WebSocket frames it sends while every clock counts ``--seconds`` more seconds in
the browser (waiting on the clocks, not on a fixed sleep). A clock counted by the server reruns the page
every second; one counted in the browser costs nothing until it ends. Usage:
    .venv/bin/python benchmarks/timer.py [--timers 5] [--seconds 10] [--script app.py]
An older checkout can be measured with ``--script OLD/app.py`` and ``PYTHONPATH=OLD``.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.server import serve  # noqa: E402

CHROMIUM = os.environ.get("DEBATE_EXPLORER_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--disable-background-networking"]
READY = "[data-testid='stApp'][data-test-connection-state='CONNECTED'][data-test-script-state='notRunning']"
CLOCK_NOW = """() => {
  const inner = (root) => [...root.querySelectorAll('*')].flatMap(e => e.shadowRoot ? [e.shadowRoot] : [])
    .flatMap(r => [r, ...inner(r)]);
  const roots = [document, ...inner(document)];
  const texts = roots.flatMap(r => [...r.querySelectorAll('.digits, [role=tabpanel] h2')])
    .map(e => e.textContent.trim()).filter(t => /^\\d+:\\d\\d$/.test(t));
  return texts.length ? texts[0] : null;
}"""


def server_cpu(port: int) -> float:
    """CPU seconds (user + system) of the process serving ``port`` so far."""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if f"--server.port={port}".encode() not in (entry / "cmdline").read_bytes():
                continue
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    raise RuntimeError(f"no server process on port {port}")


def seconds_shown(page: object) -> int:
    text = page.evaluate(CLOCK_NOW)  # type: ignore[attr-defined]
    minutes, secs = str(text).split(":")
    return int(minutes) * 60 + int(secs)


def wait_shown(page: object, at_most: int, timeout: float) -> None:
    """Wait until the page's clock shows ``at_most`` seconds or fewer."""
    page.wait_for_function(  # type: ignore[attr-defined]
        f"() => {{ const t = ({CLOCK_NOW})(); if (!t) return false; const [m, s] = t.split(':');"
        f" return +m * 60 + +s <= {at_most}; }}",
        timeout=timeout * 1000,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--timers", type=int, default=5)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--script", type=Path, default=ROOT / "app.py")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    env = {"DEBATE_EXPLORER_DIR": str(ROOT / "tests" / "fixtures" / "topics")}
    with serve(args.script.resolve(), env=env) as url, sync_playwright() as playwright:
        port = int(url.rsplit(":", 1)[1])
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        frames = [0]
        pages = []
        for _ in range(args.timers):
            page = browser.new_context().new_page()
            page.set_default_timeout(120_000)
            page.on(
                "websocket",
                lambda socket: socket.on("framereceived", lambda _f: frames.__setitem__(0, frames[0] + 1)),
            )
            page.goto(f"{url}/practice?topic=sample-topic")
            page.wait_for_selector(READY, timeout=60_000)
            page.get_by_role("tab", name="Speech timer").click()
            page.get_by_role("radiogroup", name="Speech").get_by_text("Cross-examination").click()
            page.wait_for_function(f"() => ({CLOCK_NOW})() === '3:00'", timeout=30_000)
            page.get_by_role("button", name="Start").click()
            wait_shown(page, 179, 30)
            pages.append(page)
        start_shown = seconds_shown(pages[-1])
        cpu0, frames0, wall0 = server_cpu(port), frames[0], time.monotonic()
        wait_shown(pages[-1], start_shown - args.seconds, args.seconds + 30)
        wall = time.monotonic() - wall0
        cpu = server_cpu(port) - cpu0
        sent = frames[0] - frames0
        browser.close()
    print(f"{args.timers} running timers, {wall:.1f} s: server CPU {cpu:.2f} s = {cpu / wall:.3f} CPU-s/s")
    per_timer = cpu / wall / args.timers
    print(f"per timer {per_timer:.3f} CPU-s/s; WebSocket frames sent {sent} ({sent / wall:.1f}/s)")


if __name__ == "__main__":
    main()
