// Injected by tools/bench/peer.mjs into each page of the peer comparison
// (and of the frame comparison, tools/bench/frame.mjs) before the page's own
// scripts (page.addInitScript), after
// `window.__peerSpec = { frame, host, title, ready, settle }`:
//   frame   a selector of the iframe of the host page whose document holds
//           the title and dispatches `ready`, or absent for the page itself;
//   host    a selector of the element whose shadow root holds the title, or
//           null for the (frame's) document itself;
//   title   a selector of the first card's (or slide's) title;
//   ready   the DOM event (on document) that says the widget is ready, or
//           null for a page without one;
//   settle  ms to wait after ready (or load) before the measurement ends.
// The same method for every page: the first time a title with text has a
// box and is not hidden (display, visibility, opacity 0), the end of the
// frame that shows it is taken as its paint (a task posted from a rAF
// callback of the title's document runs after that frame's paint; a
// same-origin iframe is drawn in its host's frames, and has no animation
// frame while it is render-blocked). The title need not be on the
// first screen: on a phone, factcards' first card sits below its header and
// the fold, and is then ready for the reader's scroll, not seen. Times
// are the host page's performance.now() values, ms since its navigation
// started. Results in window.__peer; `end` is set when the measurement is
// over. Also the host document's layout shifts (`shifts`: a frame's own
// shifts are not the host's), and `timings` at the end: the host
// document's response end and first contentful paint, and the measured
// frame's (its HTML's request, first byte and end, its first contentful
// paint, its load; the iframe's height and its deck's).
(() => {
  const spec = window.__peerSpec;
  if (window !== window.top) {
    // In the measured frame: its ready event, on the host's clock. On the
    // window: the frame's initial about:blank keeps its window for the
    // frame page when the host has touched it, and then this script runs
    // for about:blank alone.
    let element = null;
    try {
      element = window.frameElement;
    } catch {}
    if (spec.frame && spec.ready && element?.matches(spec.frame)) {
      addEventListener(spec.ready, () => window.top.__peer && (window.top.__peer.ready ??= window.top.performance.now()), true);
    }
    return;
  }
  const now = () => performance.now();
  const P = (window.__peer = { titleSeen: null, firstTitle: null, ready: null, load: null, longtasks: [], shifts: [], timings: null, end: null });

  try {
    new PerformanceObserver((list) => {
      for (const task of list.getEntries()) P.longtasks.push({ at: task.startTime, duration: task.duration });
    }).observe({ type: "longtask", buffered: true });
  } catch {}
  const name = (node) => (node?.nodeType === 1 ? `${node.localName}${node.id ? `#${node.id}` : ""}` : (node?.nodeName ?? "(a node it does not name)"));
  try {
    new PerformanceObserver((list) => {
      for (const shift of list.getEntries()) {
        if (!shift.hadRecentInput) P.shifts.push({ at: shift.startTime, value: shift.value, sources: (shift.sources ?? []).map((source) => name(source.node)) });
      }
    }).observe({ type: "layout-shift", buffered: true });
  } catch {}
  addEventListener("load", () => (P.load = now()));
  if (spec.ready && !spec.frame) document.addEventListener(spec.ready, () => (P.ready ??= now()), true);

  const frame = () => (spec.frame ? document.querySelector(spec.frame) : null);
  const doc = () => (spec.frame ? (frame()?.contentDocument ?? null) : document);
  const root = () => (spec.host ? (doc()?.querySelector(spec.host)?.shadowRoot ?? null) : doc());
  const shown = () => {
    const title = root()?.querySelector(spec.title);
    if (!title || !title.textContent.trim() || !title.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
    const box = title.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  };
  // A frame's own animation frame, for a title in a frame: a frame whose
  // document is render-blocked (a stylesheet in its head still loading)
  // is laid out, so that its title has a box, but neither painted nor
  // given animation frames until it is unblocked.
  const afterFrame = (win = window) =>
    new Promise((done) =>
      win.requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => done(now());
        channel.port2.postMessage(0);
      }),
    );

  // Checked after every DOM change the page's observer sees and once a frame
  // (changes inside a shadow root or a frame reach no observer on the document).
  const check = () => {
    if (P.titleSeen !== null || !shown()) return;
    P.titleSeen = now();
    afterFrame(frame()?.contentWindow ?? window).then((at) => (P.firstTitle = at));
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, characterData: true });
  const poll = () => {
    check();
    if (P.titleSeen === null) requestAnimationFrame(poll);
    else observer.disconnect();
  };
  requestAnimationFrame(poll);

  // A document's navigation and first contentful paint on the host's clock.
  const documentTimings = (win) => {
    const shift = win.performance.timeOrigin - performance.timeOrigin;
    const nav = win.performance.getEntriesByType("navigation")[0];
    const fcp = win.performance.getEntriesByName("first-contentful-paint")[0];
    const at = (t) => (t ? t + shift : null);
    return { requestStart: at(nav?.requestStart), responseStart: at(nav?.responseStart), responseEnd: at(nav?.responseEnd), load: at(nav?.loadEventStart), fcp: at(fcp?.startTime) };
  };
  const timings = () => {
    const out = { page: documentTimings(window), frame: null };
    const element = frame();
    if (!element) return out;
    try {
      const mount = doc()?.querySelector(spec.host ?? "body");
      out.frame = { ...documentTimings(element.contentWindow), height: element.getBoundingClientRect().height, content: mount ? Math.ceil(mount.getBoundingClientRect().height) : null };
    } catch {}
    return out;
  };

  const timer = setInterval(() => {
    const last = spec.ready ? P.ready : P.load;
    if (P.firstTitle === null || P.load === null || last === null) return;
    if (now() < Math.max(last, P.firstTitle) + spec.settle) return;
    P.end = Math.max(last, P.firstTitle) + spec.settle;
    P.timings = timings();
    clearInterval(timer);
    performance.mark("peer:end");
  }, 50);
})();
