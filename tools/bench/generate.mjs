// Generates valid sheets (docs/format.md) of a given number of facts, for
// the scaling benchmark: 10 facts per card (the 10-fact sheet has 2 cards
// of 5, so that a category filter has something to hide), cards spread
// round-robin over 10 categories (fewer when there are fewer cards), 5
// sources all cited, every status, attributions where the format asks for
// them, a quote on every 7th fact and one correction.
//
// Search keystroke: each fact's text contains one of ten topic words; only
// "foxtrot" has an "x" (no other generated text does), so typing "x" in
// an empty search box narrows the deck to one fact in ten.
//
//   node tools/bench/generate.mjs 1000 > sheet.json
const TOPICS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliett"];
const STATUSES = ["confirmed", "claimed", "reported", "unclear", "disputed"];
const ATTRIBUTION = {
  claimed: "the city council",
  reported: "according to local media",
  disputed: "the council and the operator disagree",
};
export const SEARCH_KEY = "x";

/** The shape of the sheet for `facts` facts. */
export function shape(facts) {
  const perCard = facts >= 20 ? 10 : Math.max(1, Math.ceil(facts / 2));
  const cards = Math.ceil(facts / perCard);
  const categories = Math.min(10, cards);
  return { perCard, cards, categories };
}

/** A sheet object with exactly `facts` facts. */
export function generate(facts) {
  const { perCard, cards, categories } = shape(facts);
  const sources = Array.from({ length: 5 }, (_, i) => ({
    id: `source-${i + 1}`,
    title: `Report number ${i + 1} on the harbour bridge`,
    publisher: `The Daily Bulletin ${i + 1}`,
    url: `https://example.org/news/report-${i + 1}`,
    published: `2026-11-${String(10 + i).padStart(2, "0")}`,
  }));
  const sheet = {
    factcards: 1,
    id: `bench-${facts}`,
    title: `Benchmark sheet with ${facts} facts`,
    summary: "A generated sheet for the factcards benchmark. Its facts are made up.",
    lang: "en",
    updated: "2026-11-26T14:05:00Z",
    sources,
    categories: Array.from({ length: categories }, (_, i) => ({
      id: `category-${i + 1}`,
      label: `Category ${i + 1}`,
      description: `The cards of category ${i + 1}.`,
    })),
    cards: [],
  };
  let made = 0;
  for (let c = 0; c < cards; c++) {
    const card = {
      id: `card-${c + 1}`,
      category: `category-${(c % categories) + 1}`,
      title: `Card ${c + 1}: what is known about site ${c + 1}`,
      facts: [],
    };
    for (let f = 0; f < perCard && made < facts; f++, made++) {
      const status = STATUSES[made % STATUSES.length];
      const topic = TOPICS[made % TOPICS.length];
      const fact = {
        text: `Fact ${made + 1}: the ${topic} team found that the eastern support of the bridge needs repair before it can reopen.`,
        status,
        sources: made % 3 === 0 ? [sources[made % 5].id, sources[(made + 1) % 5].id] : [sources[made % 5].id],
      };
      if (ATTRIBUTION[status]) fact.attribution = ATTRIBUTION[status];
      if (made % 7 === 0) fact.quote = "the support is damaged";
      card.facts.push(fact);
    }
    sheet.cards.push(card);
  }
  sheet.corrections = [
    { date: "2026-11-27", text: "An earlier version gave the wrong date for the inspection.", card: "card-1" },
  ];
  return sheet;
}

/**
 * The next version of a generated sheet as a live update brings it: one
 * fact's status moved (cards[50].facts[3] in the 1,000-fact sheet: unclear
 * to confirmed), with an attribution if the new status asks for one. The
 * end-to-end cost test and the benchmark's update both use it.
 */
export function oneStatusMoved(sheet) {
  const next = structuredClone(sheet);
  const card = next.cards[Math.floor(next.cards.length / 2)];
  const fact = card.facts[Math.min(3, card.facts.length - 1)];
  fact.status = fact.status === "confirmed" ? "disputed" : "confirmed";
  if (ATTRIBUTION[fact.status] && !fact.attribution) fact.attribution = ATTRIBUTION[fact.status];
  return { sheet: next, card: card.id };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const facts = Number(process.argv[2] ?? 100);
  process.stdout.write(`${JSON.stringify(generate(facts), null, 2)}\n`);
}
