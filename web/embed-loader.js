// factcards iframe loader, for the host page: sizes every
//   <iframe data-factcards-frame src="https://…/embed.html?src=…"></iframe>
// to the height its widget posts, as Datawrapper's responsive embeds do.
// Include it once: <script async src="https://…/embed-loader.js"></script>
// It also dispatches the widget's factcards:* events on the <iframe>
// element (they bubble), with only the documented detail fields, so that a
// page's analytics work the same for an iframe as for a drop-in.
(() => {
  if (window.__factcardsFrameLoader) return;
  window.__factcardsFrameLoader = true;
  const MAX_HEIGHT = 100000;
  // Every event the widget reports, with its documented detail fields
  // (src/event.rs; tests/event.rs checks that this list follows it).
  const EVENTS = {
    "factcards:ready": ["sheet", "cards"],
    "factcards:error": ["problems"],
    "factcards:card-toggle": ["card", "expanded"],
    "factcards:filter": ["categories"],
    "factcards:source-click": ["source", "url"],
    "factcards:copy-link": ["card", "anchor"],
    "factcards:search": ["query", "matches"],
    "factcards:grouping": ["grouping"],
    "factcards:view": ["sheet"],
    "factcards:update": ["sheet", "updated", "counts", "ids"],
  };
  /** The frame that sent `event`, if it is a factcards frame and the message comes from its origin. */
  const senderFrame = (event) => {
    for (const frame of document.querySelectorAll("iframe[data-factcards-frame]")) {
      if (frame.contentWindow !== event.source) continue;
      return new URL(frame.src, document.baseURI).origin === event.origin ? frame : null;
    }
    return null;
  };
  window.addEventListener("message", (event) => {
    const data = event.data;
    if (typeof data === "object" && data !== null && data.type === "factcards:event") {
      const fields = Object.hasOwn(EVENTS, data.name) ? EVENTS[data.name] : null;
      const frame = fields && senderFrame(event);
      if (!frame || typeof data.detail !== "object" || data.detail === null) return;
      // Only the documented fields cross, copied as plain data.
      const detail = {};
      for (const field of fields) detail[field] = structuredClone(data.detail[field]);
      frame.dispatchEvent(new CustomEvent(data.name, { bubbles: true, detail }));
      return;
    }
    // Only the expected shape, with a sane number.
    if (
      typeof data !== "object" || data === null || data.type !== "factcards:height" ||
      typeof data.height !== "number" || !Number.isFinite(data.height) ||
      data.height < 0 || data.height > MAX_HEIGHT
    ) return;
    for (const frame of document.querySelectorAll("iframe[data-factcards-frame]")) {
      // Only from the frame itself, and only from the frame's own origin.
      if (frame.contentWindow !== event.source) continue;
      if (new URL(frame.src, document.baseURI).origin !== event.origin) return;
      frame.style.height = `${Math.ceil(data.height)}px`;
    }
  });
  // A frame that loaded before this script did has posted its height to no
  // one: ask each frame, at its own origin only, to post it again.
  for (const frame of document.querySelectorAll("iframe[data-factcards-frame]")) {
    try {
      frame.contentWindow?.postMessage({ type: "factcards:measure" }, new URL(frame.src, document.baseURI).origin);
    } catch {
      // An address with an opaque origin (data:, about:) has no factcards frame to ask.
    }
  }
})();
