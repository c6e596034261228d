// Injected into every benchmarked page before its own scripts
// (page.addInitScript), in the top frame only. Times are performance.now()
// values, i.e. milliseconds since the navigation started. The result is
// window.__bench; `done` turns true when the mode's measurement is over.
//
// Modes (window.__benchMode, set just before this script):
//   "load"      first fact visible, FCP, the wasm taking over a server-rendered
//               fallback (card boxes before and after, blank frames), CLS
//   "interact"  also clicks the first category chip on every frame (and
//               after every DOM change) until a click flips its aria-pressed
//   "cls"       layout shifts until load + 2 s without a shift
//   "scale"     only the long-task observer; the runner drives the page
(() => {
  if (window !== window.top) return;
  const mode = window.__benchMode ?? "load";
  const now = () => performance.now();
  const B = (window.__bench = {
    mode,
    firstFactSeen: null, // a .fc-fact__text with a non-zero box was found
    firstFact: null, // the end of the frame that showed it (rAF, then a task)
    fcp: null,
    cls: 0,
    shifts: [],
    longtasks: [],
    ready: null, // factcards:ready on a mount element
    takeover: null, // the widget replaced the fallback in the shadow root
    staticBoxes: null, // first cards' boxes in the last frame before the takeover
    liveBoxes: null, // the same cards two frames after factcards:ready
    blankFrames: 0, // frames after the takeover with no fact text
    interactive: null, // time of the first click that flipped aria-pressed
    interactiveSeen: null,
    clicks: 0,
    load: null,
    lastShift: null,
    done: false,
  });

  const describe = (node) => {
    // The API leaves out nodes it may not expose, such as those in shadow roots.
    if (!node) return "(a node it does not name)";
    if (node.nodeType !== 1) return node.nodeName;
    let text = node.localName;
    if (node.id) text += `#${node.id}`;
    if (typeof node.className === "string" && node.className) text += `.${node.className.trim().split(/\s+/).join(".")}`;
    return text;
  };
  const observe = (type, callback) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(callback)).observe({ type, buffered: true });
    } catch {}
  };
  observe("paint", (entry) => {
    if (entry.name === "first-contentful-paint") B.fcp = entry.startTime;
  });
  observe("layout-shift", (entry) => {
    if (entry.hadRecentInput) return;
    B.cls += entry.value;
    B.lastShift = entry.startTime;
    B.shifts.push({
      at: Math.round(entry.startTime),
      value: entry.value,
      sources: (entry.sources ?? []).map((source) => describe(source.node)),
    });
  });
  observe("longtask", (entry) => B.longtasks.push({ at: entry.startTime, duration: entry.duration }));
  addEventListener("load", () => (B.load = now()));
  if (mode === "scale") return;

  const host = () => document.querySelector("[data-factcards]");
  const shadow = () => host()?.shadowRoot ?? null;
  const visibleFact = () => {
    const root = shadow();
    const text = root?.querySelector(".fc-fact__text");
    if (!text) return false;
    const box = text.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  };
  const boxes = () =>
    [...(shadow()?.querySelectorAll(":not([hidden]) > .fc-card") ?? [])].slice(0, 4).map((card) => {
      const box = card.getBoundingClientRect();
      return [box.x + scrollX, box.y + scrollY, box.width, box.height];
    });
  // The end of the frame that will show the current DOM: a task posted from
  // a rAF callback runs after that frame's style, layout and paint.
  let inFrame = false;
  const afterThisFrame = () =>
    new Promise((done) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => done(now());
      channel.port2.postMessage(0);
    });
  const afterFrame = () =>
    inFrame ? afterThisFrame() : new Promise((done) => requestAnimationFrame(() => afterThisFrame().then(done)));

  document.addEventListener(
    "factcards:ready",
    async () => {
      if (B.ready !== null) return;
      B.ready = now();
      await afterFrame();
      await afterFrame();
      B.liveBoxes = boxes();
    },
    true,
  );

  // The shadow root of the mount element: watched for the takeover (its
  // children replaced) and, in "interact" mode, for the filter's response.
  let watched = null;
  function watch(root) {
    if (!root || watched === root) return;
    watched = root;
    new MutationObserver((records) => {
      // The parser only adds nodes; the widget first clears the fallback.
      if (B.firstFactSeen !== null && B.takeover === null && records.some((r) => r.target === root && r.removedNodes.length > 0)) {
        B.takeover = now();
      }
      check();
      if (mode === "interact") scheduleAttempt();
    }).observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ["aria-pressed"] });
  }

  function check() {
    watch(shadow());
    if (B.firstFactSeen === null && visibleFact()) {
      B.firstFactSeen = now();
      afterFrame().then((at) => (B.firstFact = at));
    }
    if (mode === "interact" && B.interactive === null && B.clicks > 0) {
      const chip = shadow()?.querySelector(".fc-filter__chip[data-category]");
      if (chip?.getAttribute("aria-pressed") === "true") {
        B.interactive = B.lastClick;
        B.interactiveSeen = now();
      }
    }
  }

  // "interact": click the first category chip until a click works. A new
  // attempt waits for a task boundary, so the previous click's render is done.
  let attemptPending = false;
  function scheduleAttempt() {
    if (attemptPending || B.interactive !== null) return;
    attemptPending = true;
    setTimeout(() => {
      attemptPending = false;
      attempt();
    }, 0);
  }
  function attempt() {
    check();
    if (B.interactive !== null) return;
    const chip = shadow()?.querySelector(".fc-filter__chip[data-category]");
    if (!chip || chip.getAttribute("aria-pressed") === "true") return;
    B.lastClick = now();
    B.clicks += 1;
    chip.click();
  }

  new MutationObserver(check).observe(document, { childList: true, subtree: true });
  function frame() {
    inFrame = true;
    check();
    const root = shadow();
    if (root && B.firstFactSeen !== null) {
      if (B.takeover === null) B.staticBoxes = boxes();
      else if (B.liveBoxes === null && !visibleFact()) B.blankFrames += 1;
    }
    if (mode === "interact") attempt();
    inFrame = false;
    if (!B.done) requestAnimationFrame(frame);
  }
  requestAnimationFrame(frame);

  // When the measurement is over.
  const hasScript = () => document.querySelector("script[src*='factcards.js']") !== null;
  const timer = setInterval(() => {
    if (B.load === null) return;
    const t = now();
    let over;
    if (mode === "cls") over = t - Math.max(B.load, B.lastShift ?? 0) >= 2000;
    else if (mode === "interact") over = B.interactive !== null && B.firstFact !== null;
    else over = B.firstFact !== null && t - B.load >= 300 && (!hasScript() || (B.ready !== null && B.liveBoxes !== null));
    if (over || t > 20000) {
      B.timedOut = !over;
      B.done = true;
      clearInterval(timer);
    }
  }, 50);
})();
