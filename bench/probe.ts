/**
 * Code that runs inside the measured page. It is kept as plain JavaScript text (not functions
 * handed to Playwright) so that no transpiler helper leaks into the page, and nothing here needs
 * `eval`: the dashboards' Content-Security-Policy stays in force.
 *
 * - `window.__bench.longTasks`: every long task (PerformanceObserver 'longtask', buffered).
 * - `window.__bench.marks[name]`: when a watched condition first held (`found`, ms since the
 *   navigation started) and the frame after it (`painted`), from a MutationObserver installed
 *   before the page's own scripts run.
 * - `window.__bench.interact(spec)`: dispatches a click or a keystroke and times the next paint
 *   and the moment a condition holds (then its paint), in page time.
 */

/** A condition on the DOM: `selector` matches at least `min` elements, one of whose text matches `text`. */
export interface Cond {
  selector?: string;
  min?: number;
  /** Regular expression source tested against the textContent of the matches (any of them). */
  text?: string;
  /** Regular expression source tested against location.href. */
  url?: string;
  /** The textContent of the first match of `selector` differs from the one before the input. */
  textChanged?: boolean;
  /** This attribute of the first match of `selector` differs from the one before the input. */
  attrChanged?: string;
}

export interface Watch extends Cond {
  name: string;
}

export interface Target {
  selector: string;
  /** Regular expression source the target's textContent must match (first such element). */
  text?: string;
  /** Take the nth match (after the text filter); default 0. */
  index?: number;
}

export interface InteractionSpec {
  target: Target;
  action: 'click' | 'type';
  /** Text appended to the input's value for `type` (one input event). */
  value?: string;
  until?: Cond;
  timeoutMs?: number;
}

export interface InteractionResult {
  /** When the input was dispatched, page time (ms since navigation start). */
  t0?: number;
  /** Input to the next frame (what INP measures). */
  paintMs?: number;
  /** Input to the frame after `until` held. */
  resultMs?: number;
  error?: string;
  longTasks: { start: number; duration: number }[];
}

export interface PageMarks {
  [name: string]: { found: number; painted?: number };
}

const PROBE = String.raw`
(function (watches) {
  if (window.__bench) return;
  var b = { longTasks: [], marks: {} };
  window.__bench = b;
  try {
    new PerformanceObserver(function (list) {
      list.getEntries().forEach(function (e) { b.longTasks.push({ start: e.startTime, duration: e.duration }); });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) {}

  function matches(c) {
    if (c.url && !new RegExp(c.url).test(location.href)) return null;
    if (!c.selector) return [];
    var els = document.querySelectorAll(c.selector);
    if (els.length < (c.min || 1)) return null;
    return els;
  }
  function holds(c, before) {
    var els = matches(c);
    if (!els) return false;
    if (c.text) {
      var re = new RegExp(c.text), ok = false;
      for (var i = 0; i < els.length && !ok; i++) ok = re.test(els[i].textContent || '');
      if (!ok) return false;
    }
    if (c.textChanged && before && (els[0] ? els[0].textContent : null) === before.text) return false;
    if (c.attrChanged && before && (els[0] ? els[0].getAttribute(c.attrChanged) : null) === before.attr) return false;
    return true;
  }
  function snapshot(c) {
    if (!c || !c.selector) return null;
    var el = document.querySelector(c.selector);
    return {
      text: el ? el.textContent : null,
      attr: el && c.attrChanged ? el.getAttribute(c.attrChanged) : null,
    };
  }
  function nextPaint() {
    return new Promise(function (r) { requestAnimationFrame(function () { setTimeout(r, 0); }); });
  }
  function frame() {
    return new Promise(function (r) { requestAnimationFrame(function () { r(); }); });
  }

  var pending = watches.slice();
  function check() {
    pending = pending.filter(function (w) {
      if (!holds(w, null)) return true;
      var m = { found: performance.now() };
      b.marks[w.name] = m;
      nextPaint().then(function () { m.painted = performance.now(); });
      return false;
    });
    if (!pending.length && mo) mo.disconnect();
  }
  var mo = null;
  if (pending.length) {
    mo = new MutationObserver(check);
    mo.observe(document, { childList: true, subtree: true, characterData: true, attributes: false });
  }

  function pick(t) {
    var list = Array.prototype.slice.call(document.querySelectorAll(t.selector));
    if (t.text) { var re = new RegExp(t.text); list = list.filter(function (e) { return re.test(e.textContent || ''); }); }
    return list[t.index || 0] || null;
  }

  b.interact = async function (spec) {
    var el = pick(spec.target);
    if (!el) return { error: 'no element for ' + JSON.stringify(spec.target), longTasks: [] };
    var before = snapshot(spec.until);
    var lt0 = b.longTasks.length;
    var t0 = performance.now();
    if (spec.action === 'type') {
      el.focus();
      var proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
      Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, el.value + (spec.value || ''));
      el.dispatchEvent(new Event('input', { bubbles: true }));
    } else {
      el.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, view: window, button: 0 }));
    }
    await nextPaint();
    var out = { t0: t0, paintMs: performance.now() - t0, longTasks: [] };
    if (spec.until) {
      var deadline = t0 + (spec.timeoutMs || 15000);
      while (!holds(spec.until, before) && performance.now() < deadline) await frame();
      if (holds(spec.until, before)) {
        await nextPaint();
        out.resultMs = performance.now() - t0;
      } else out.error = 'condition not met within ' + (spec.timeoutMs || 15000) + ' ms';
    }
    await new Promise(function (r) { setTimeout(r, 50); });
    out.longTasks = b.longTasks.slice(lt0);
    return out;
  };
})`;

/** The init script: instrumentation plus the conditions to watch from the first byte on. */
export function probeScript(watches: Watch[] = []): string {
  return `${PROBE}(${JSON.stringify(watches)});`;
}
