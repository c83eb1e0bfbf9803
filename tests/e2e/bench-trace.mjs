// Summarises a Chromium performance trace (JSON from browser.stopTracing) into milliseconds per
// top-level category on the renderer's main thread, the way DevTools' summary does: each event's
// self time goes to its category, events without one inherit their parent's, the rest is "other".
const CATEGORY = {
  Script: ["EventDispatch", "FunctionCall", "EvaluateScript", "v8.execute", "V8.Execute", "v8.compile", "v8.compileModule", "V8.CompileCode",
    "RunMicrotasks", "TimerFire", "FireAnimationFrame", "FireIdleCallback", "v8.callFunction", "v8.run", "MajorGC", "MinorGC", "V8.GCScavenger", "V8.GC_MC_BACKGROUND_MARKING", "BlinkGC.AtomicPhase"],
  "Style recalculation": ["UpdateLayoutTree", "RecalculateStyles", "ParseAuthorStyleSheet", "ScheduleStyleRecalculation"],
  Layout: ["Layout", "InvalidateLayout", "LayoutShift", "IntersectionObserverController::computeIntersections", "ComputeIntersections"],
  Paint: ["Paint", "PrePaint", "PaintImage", "UpdateLayerTree", "Layerize", "CompositeLayers", "Commit", "RasterTask", "Decode Image", "PaintSetup"],
};
const byName = new Map(Object.entries(CATEGORY).flatMap(([cat, names]) => names.map((n) => [n, cat])));

/** { total, Script, "Style recalculation", Layout, Paint, other } in ms, from `fromUs` for `spanMs`. */
export function summarise(traceBuffer, { fromEvent = "click", spanMs } = {}) {
  const events = JSON.parse(traceBuffer.toString("utf8"));
  const list = Array.isArray(events) ? events : events.traceEvents;
  const main = list.find((e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain"
    && list.some((x) => x.pid === e.pid && x.tid === e.tid && x.name === "EventDispatch" && x.args?.data?.type === fromEvent));
  if (!main) throw new Error(`trace: no renderer main thread with a ${fromEvent} event`);
  const onMain = list.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === "X" && e.dur != null).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const start = onMain.find((e) => e.name === "EventDispatch" && e.args?.data?.type === fromEvent).ts;
  // From the top-level task that dispatched the event, for the measured span (input → next frame).
  const task = onMain.filter((e) => e.ts <= start && e.ts + e.dur >= start).sort((a, b) => b.dur - a.dur)[0];
  const from = task ? task.ts : start, to = start + spanMs * 1000;
  const out = { Script: 0, "Style recalculation": 0, Layout: 0, Paint: 0, other: 0 };
  const stack = [];
  const flush = (until) => {
    while (stack.length && stack[stack.length - 1].end <= until) stack.pop();
  };
  for (const e of onMain) {
    if (e.ts + e.dur < from || e.ts > to) continue;
    flush(e.ts);
    const parent = stack[stack.length - 1];
    const cat = byName.get(e.name) || parent?.cat || "other";
    const node = { end: e.ts + e.dur, cat, self: Math.min(e.ts + e.dur, to) - Math.max(e.ts, from) };
    if (parent) parent.self -= node.self;
    stack.push(node);
    e._node = node;
  }
  for (const e of onMain) if (e._node) out[e._node.cat] += Math.max(0, e._node.self) / 1000;
  out.total = Object.values(out).reduce((a, b) => a + b, 0);
  return out;
}
