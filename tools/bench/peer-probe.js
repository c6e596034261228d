// Injected by tools/bench/peer.mjs into each page of the peer comparison
// before the page's own scripts (page.addInitScript), in the top frame only,
// after `window.__peerSpec = { host, title, ready, settle }`:
//   host    a selector of the element whose shadow root holds the title, or
//           null for the page's own DOM;
//   title   a selector of the first card's (or slide's) title;
//   ready   the DOM event (on document) that says the widget is ready, or
//           null for a page without one;
//   settle  ms to wait after ready (or load) before the measurement ends.
// The same method for every page: the first time a title with text has a
// box and is not hidden (display, visibility, opacity 0), the end of the
// frame that shows it is taken as its paint (a task posted from a rAF
// callback runs after that frame's paint). The title need not be on the
// first screen: on a phone, factcards' first card sits below its header and
// the fold, and is then ready for the reader's scroll, not seen. Times
// are performance.now() values, ms since the navigation started. Results in
// window.__peer; `end` is set when the measurement is over.
(() => {
  if (window !== window.top) return;
  const spec = window.__peerSpec;
  const now = () => performance.now();
  const P = (window.__peer = { titleSeen: null, firstTitle: null, ready: null, load: null, longtasks: [], end: null });

  try {
    new PerformanceObserver((list) => {
      for (const task of list.getEntries()) P.longtasks.push({ at: task.startTime, duration: task.duration });
    }).observe({ type: "longtask", buffered: true });
  } catch {}
  addEventListener("load", () => (P.load = now()));
  if (spec.ready) document.addEventListener(spec.ready, () => (P.ready ??= now()), true);

  const root = () => (spec.host ? (document.querySelector(spec.host)?.shadowRoot ?? null) : document);
  const shown = () => {
    const title = root()?.querySelector(spec.title);
    if (!title || !title.textContent.trim() || !title.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
    const box = title.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  };
  const afterFrame = () =>
    new Promise((done) =>
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => done(now());
        channel.port2.postMessage(0);
      }),
    );

  // Checked after every DOM change the page's observer sees and once a frame
  // (changes inside a shadow root reach no observer on the document).
  const check = () => {
    if (P.titleSeen !== null || !shown()) return;
    P.titleSeen = now();
    afterFrame().then((at) => (P.firstTitle = at));
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, characterData: true });
  const frame = () => {
    check();
    if (P.titleSeen === null) requestAnimationFrame(frame);
    else observer.disconnect();
  };
  requestAnimationFrame(frame);

  const timer = setInterval(() => {
    const last = spec.ready ? P.ready : P.load;
    if (P.firstTitle === null || P.load === null || last === null) return;
    if (now() < Math.max(last, P.firstTitle) + spec.settle) return;
    P.end = Math.max(last, P.firstTitle) + spec.settle;
    clearInterval(timer);
    performance.mark("peer:end");
  }, 50);
})();
