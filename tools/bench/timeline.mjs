// A factcards sheet as TimelineJS 3 JSON (https://timeline.knightlab.com/docs/json-format.html),
// so that the benchmark can show the same story in the peer: a title slide
// from the sheet's title and summary, then one slide per card, in the
// sheet's order. Pure: no I/O, the same sheet always gives the same object.
//
// TimelineJS needs a start date on every slide; a sheet's cards have none,
// so every slide takes the sheet's `updated` date (the date its facts hold
// at). Equal dates keep the cards in the sheet's order (a stable sort), and
// the card's category becomes the slide's group, one row each on the time
// navigator.

/** Text as HTML (element content or a quoted attribute value). */
export const escape = (text) =>
  String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

/** `YYYY-MM-DD` as a TimelineJS date; the year alone if the rest is missing. */
function date(iso) {
  const [year, month, day] = String(iso ?? "").split("-").map(Number);
  if (!Number.isInteger(year)) throw new Error(`the sheet's updated date "${iso}" is not YYYY-MM-DD`);
  return { year, ...(Number.isInteger(month) ? { month } : {}), ...(Number.isInteger(day) ? { day } : {}) };
}

/** A card's facts as an HTML list, each with its status first (the slide's text). */
function factsHtml(card) {
  const items = card.facts.map((fact) => {
    const said = fact.attribution ? ` <em>(${escape(fact.attribution)})</em>` : "";
    return `<li><strong>${escape(fact.status)}:</strong> ${escape(fact.text)}${said}</li>`;
  });
  return `<ul>${items.join("")}</ul>`;
}

/** The TimelineJS data object for a factcards sheet (a parsed JSON sheet). */
export function toTimeline(sheet) {
  const start = date(sheet.updated);
  const labels = new Map((sheet.categories ?? []).map((category) => [category.id, category.label]));
  return {
    title: {
      unique_id: sheet.id,
      text: { headline: escape(sheet.title), text: sheet.summary ? `<p>${escape(sheet.summary)}</p>` : "" },
    },
    events: sheet.cards.map((card) => ({
      unique_id: card.id,
      start_date: start,
      group: labels.get(card.category) ?? card.category,
      text: { headline: escape(card.title), text: factsHtml(card) },
    })),
  };
}
