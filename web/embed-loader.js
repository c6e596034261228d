// factcards iframe loader, for the host page: sizes every
//   <iframe data-factcards-frame src="https://…/embed.html?src=…"></iframe>
// to the height its widget posts, as Datawrapper's responsive embeds do.
// Include it once: <script async src="https://…/embed-loader.js"></script>
(() => {
  if (window.__factcardsFrameLoader) return;
  window.__factcardsFrameLoader = true;
  const MAX_HEIGHT = 100000;
  window.addEventListener("message", (event) => {
    const data = event.data;
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
})();
