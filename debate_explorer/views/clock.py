"""The speech clock in the browser: a small Streamlit component of the project's own (components v2).

The browser counts the seconds, so a running clock costs the server nothing. The server talks to it only
when something happens: it draws the component at start, pause and reset (the page's own buttons), and
the component sends one ``ended`` event when the time runs out (which reruns the page once, so it can say
"Time!" and stop a prep clock). What it draws comes from :class:`debate_explorer.clock.Face`: numbers, a
fixed label and fixed notes; no content text ever reaches it, and it sets text with ``textContent`` only.
Everything is inline (HTML, CSS, JS): nothing is fetched from anywhere.

It also makes the clock visible to a class: a projector size (digits of at least 120 px), a full-screen
button, a colour *and* a sentence near the end, an overtime count (+0:12), ``aria-live`` announcements at
start, pause, each note and the end (never every second), and an optional short beep (Web Audio, off).
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from debate_explorer.clock import Face

NAME = "debate_explorer_clock"
PROJECTOR_MIN_PX = 120

HTML = """
<div class="clock" role="group" aria-label="Clock" data-phase="ok">
  <div class="head">
    <span class="label"></span>
    <span class="tools">
      <label class="beep"><input type="checkbox" class="beep-on"> Beep at the end</label>
      <button type="button" class="full">Full screen</button>
    </span>
  </div>
  <div class="digits" role="timer" aria-atomic="true">0:00</div>
  <div class="bar" aria-hidden="true"><div class="fill"></div></div>
  <div class="notes"></div>
  <div class="live" role="status" aria-live="polite" aria-atomic="true"></div>
</div>
"""

CSS = f"""
.clock {{
  font-family: var(--st-font, sans-serif);
  color: var(--st-text-color, #262730);
  padding: 0.4rem 0.8rem 0.6rem;
  border-radius: 0.5rem;
  border: 2px solid transparent;
}}
.head {{ display: flex; justify-content: space-between; align-items: center; gap: 0.5rem; flex-wrap: wrap;
  font-size: 0.9rem; }}
.tools {{ display: flex; gap: 0.8rem; align-items: center; }}
.full {{ font: inherit; padding: 0.15rem 0.6rem; border-radius: 0.4rem; cursor: pointer;
  border: 1px solid currentColor; background: transparent; color: inherit; }}
.full:focus-visible, .beep-on:focus-visible {{ outline: 3px solid #1d4ed8; outline-offset: 2px; }}
.digits {{ font-size: 3.5rem; font-weight: 700; line-height: 1.1; font-variant-numeric: tabular-nums; }}
.bar {{ height: 0.5rem; border-radius: 0.25rem; background: rgba(128, 128, 128, 0.25); overflow: hidden; }}
.fill {{ height: 100%; width: 0; background: #2563eb; }}
.notes {{ min-height: 1.4em; font-weight: 600; margin-top: 0.3rem; }}
.live {{ position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%);
  white-space: nowrap; }}
.clock[data-phase="warn"] {{ border-color: #b45309; background: #fef3c7; color: #78350f; }}
.clock[data-phase="warn"] .fill {{ background: #b45309; }}
.clock[data-phase="over"] {{ border-color: #b91c1c; background: #fee2e2; color: #7f1d1d; }}
.clock[data-phase="over"] .fill {{ background: #b91c1c; }}
.clock.projector, .clock:fullscreen {{ background: #111827; color: #f9fafb; text-align: center;
  padding: 1rem 1.5rem; }}
.clock.projector .digits {{ font-size: max({PROJECTOR_MIN_PX}px, 16vw); }}
.clock:fullscreen {{ display: flex; flex-direction: column; justify-content: center; }}
.clock:fullscreen .digits {{ font-size: max({PROJECTOR_MIN_PX}px, 28vw); }}
.clock.projector .notes, .clock:fullscreen .notes {{ font-size: max(1.5rem, 3vw); }}
.clock.projector[data-phase="warn"], .clock:fullscreen[data-phase="warn"] {{ background: #78350f;
  color: #fde68a; border-color: #fbbf24; }}
.clock.projector[data-phase="over"], .clock:fullscreen[data-phase="over"] {{ background: #7f1d1d;
  color: #fecaca; border-color: #f87171; }}
"""

JS = """
function pad(n) { return String(n).padStart(2, "0"); }

function shown(left, overtime) {
  if (left > 1e-9 || !overtime) {
    const whole = Math.max(0, Math.ceil(left - 1e-9));
    return Math.floor(whole / 60) + ":" + pad(whole % 60);
  }
  const over = Math.floor(-left + 1e-9);
  return "+" + Math.floor(over / 60) + ":" + pad(over % 60);
}

function beep() {
  try {
    const Context = window.AudioContext || window.webkitAudioContext;
    const audio = new Context();
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.frequency.value = 880;
    gain.gain.value = 0.2;
    tone.connect(gain).connect(audio.destination);
    tone.onended = () => audio.close();
    tone.start();
    tone.stop(audio.currentTime + 0.4);
  } catch (error) { /* no audio here: the colour and the words still say it */ }
}

export default function (component) {
  const { data, parentElement, setTriggerValue } = component;
  const root = parentElement.querySelector(".clock");
  if (!root) { return; }
  const get = (selector) => root.querySelector(selector);
  const digits = get(".digits"), label = get(".label"), notesBox = get(".notes"), live = get(".live");
  const fill = get(".fill"), full = get(".full"), beepOn = get(".beep-on");
  const d = data || {};
  const total = Math.max(0, Number(d.total) || 0);
  const used0 = Math.max(0, Number(d.used) || 0);
  const running = d.running === true;
  const overtime = d.overtime !== false;
  const warn = Math.max(0, Number(d.warn) || 0);
  const notes = Array.isArray(d.notes) ? d.notes : [];
  label.textContent = String(d.label || "");
  root.classList.toggle("projector", d.projector === true);
  full.onclick = () => {
    if (document.fullscreenElement) { document.exitFullscreen(); }
    else if (root.requestFullscreen) { root.requestFullscreen(); }
  };

  const state = running ? "running" : (used0 > 0 ? "paused" : "ready");
  const before = root.dataset.state;
  root.dataset.state = state;
  const t0 = performance.now();
  const usedNow = () => used0 + (running ? (performance.now() - t0) / 1000 : 0);
  let ended = total - used0 <= 0;
  let said = root.dataset.notes === undefined ? null : root.dataset.notes;
  const say = (text) => { if (text) { live.textContent = text; } };

  function draw() {
    const used = usedNow();
    let left = total - used;
    if (!overtime && left < 0) { left = 0; }
    digits.textContent = shown(left, overtime);
    root.dataset.phase = left <= 0 ? "over" : (left <= warn ? "warn" : "ok");
    fill.style.width = (total > 0 ? Math.min(1, used / total) * 100 : 100) + "%";
    const current = notes
      .filter((n) => Array.isArray(n) && used >= Number(n[0]) && (n[1] === null || used < Number(n[1])))
      .map((n) => String(n[2]));
    const key = current.join("\\n");
    if (key !== root.dataset.notes) {
      notesBox.replaceChildren(...current.map((text) => {
        const line = document.createElement("div");
        line.textContent = text;
        return line;
      }));
      root.dataset.notes = key;
      if (said !== null) { say(current.filter((t) => !said.split("\\n").includes(t)).join(" ")); }
      said = key;
    }
    if (!ended && running && left <= 0) {
      ended = true;
      if (beepOn.checked) { beep(); }
      setTriggerValue("ended", Math.round(used * 1000) / 1000);
    }
  }

  draw();
  if (said === null) { said = root.dataset.notes || ""; }
  if (before !== undefined && before !== state) {
    const at = digits.textContent;
    say(state === "running" ? "Clock started, " + at + " left." :
        state === "paused" ? "Clock paused at " + at + "." : "Clock reset to " + at + ".");
  }
  // One ticker per clock: a new drawing (start, pause, reset) replaces the last one's.
  if (root.ticking) { clearInterval(root.ticking); }
  root.ticking = running ? setInterval(draw, 200) : null;
  return () => { if (root.ticking) { clearInterval(root.ticking); root.ticking = null; } };
}
"""

_mount = st.components.v2.component(NAME, html=HTML, css=CSS, js=JS)


def show(face: Face, key: str, on_ended: Callable[[], None] | None = None) -> bool:
    """Draw ``face`` under ``key``; True in the run the browser reported that its time ran out.

    ``on_ended`` runs first, as a callback, before the page's script (use it to change the state the
    page then draws, e.g. stop a prep clock).
    """
    result = _mount(key=key, data=face.data(), on_ended_change=on_ended or _nothing)
    return result.get("ended") is not None


def _nothing() -> None:
    """Registers the ``ended`` event even when the page needs no callback for it."""
