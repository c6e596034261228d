// Functions run in the page, shared by the Chromium suites (tools/e2e/,
// Playwright's page.evaluate) and the cross-engine ones (tools/engines/,
// WebDriver's execute): each is sent as source, so each stands alone.

/**
 * How the deck on `#id` is laid out along the line: its title's direction,
 * whether its category chips run from right to left with the first at the
 * deck's right edge, and whether its title's text sits at the right.
 */
export function rightToLeftLayout(id) {
  const root = document.getElementById(id).shadowRoot;
  const deck = root.querySelector(".fc-deck").getBoundingClientRect();
  const chips = [...root.querySelectorAll(".fc-filter__chip")].map((chip) => chip.getBoundingClientRect());
  const title = root.querySelector(".fc-header__title");
  const range = document.createRange();
  range.selectNodeContents(title);
  const text = range.getBoundingClientRect();
  return {
    direction: getComputedStyle(title).direction,
    chipsRightToLeft: chips.every((chip, i) => i === 0 || chip.right <= chips[i - 1].left + 1),
    firstChipAtRight: deck.right - chips[0].right < 40,
    titleAtRight: deck.right - text.right < 40 && text.left - deck.left > 40,
  };
}
