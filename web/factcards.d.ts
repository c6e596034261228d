// TypeScript declarations for the factcards drop-in loader (factcards.js)
// and for `window.factcards`: the page's queue of callbacks until
// factcards.js has run, then the API.
//
//   (window.factcards = window.factcards || []).push((api) => api.mount(…));

/** A story sheet, format version 1: see docs/format.md and docs/factcards.schema.json. */
export interface Sheet {
  factcards: 1;
  id: string;
  title: string;
  summary: string;
  lang: string;
  updated: string;
  /** Suggested seconds between re-reads of a live sheet (30 to 86400); the page's `live` choice wins. */
  refresh?: number;
  sources: Source[];
  categories: Category[];
  cards: Card[];
  corrections?: Correction[];
  /** A credit line at the foot of the deck, such as "Graphic: Jane Doe". */
  credit?: string;
}
/** `label`: the short mark facts show for this source (at most 12 characters); by default a number by first citation. */
export interface Source { id: string; title: string; label?: string; publisher?: string; url?: string; published?: string }
export interface Category { id: string; label: string; description?: string }
export interface Card { id: string; category: string; title: string; facts: Fact[]; regions?: string[] }
export type Status = "confirmed" | "claimed" | "reported" | "unclear" | "disputed";
export interface Fact { /** A slug, unique in the sheet; keep it when the text changes. */ id?: string; text: string; status: Status; sources: string[]; attribution?: string; quote?: string }
export interface Correction { date: string; text: string; card?: string }

export interface MountOptions {
  /** Colour scheme; "auto" (the default) follows prefers-color-scheme. */
  theme?: "light" | "dark" | "auto";
  /** BCP 47 tag for the widget's own labels; defaults to the sheet's lang. */
  lang?: string;
  /** The category id to filter on at first. */
  category?: string;
  /** The card id to open at first. */
  card?: string;
  /** Whether the reader's view is kept in the page's URL fragment (default true). */
  urlState?: boolean;
  /** When the sheet cannot be shown: one calm line for readers ("message", the default) or nothing ("hide"). */
  onError?: "message" | "hide";
  /** List a failing sheet's problems, with their JSON paths, on the page (for editors; default false). */
  debug?: boolean;
  /** How long a sheet from a URL may take, in milliseconds (default 15000). */
  timeout?: number;
  /** Where the deck sits: "full" (the default) or "compact", for a sidebar or an inline box (no header, search behind a button, the first few facts then "Show all"). */
  layout?: "full" | "compact";
  /** Whether the deck shows its own header (title, summary, update); default true in "full", false in "compact". */
  header?: boolean;
  /** Re-read a URL sheet to show its updates: seconds between reads (at least 30), or true for the sheet's `refresh` (default off). */
  live?: number | boolean;
}

/** One problem of a sheet: its JSON path, what is wrong, and where the value starts in the JSON text. */
export interface SheetProblem {
  /** The JSON path, such as "cards[2].facts[0]"; "" for the sheet as a whole. */
  path: string;
  message: string;
  /** 1-based line and column in the JSON text; null when the sheet was an object given to mount(). */
  line: number | null;
  column: number | null;
  severity: "error" | "warning";
}

/** What mount() and update() throw or reject with for an invalid sheet: the message lists every problem, `problems` holds them as data. */
export interface SheetError extends Error {
  problems: SheetProblem[];
}

export interface Handle {
  /** Shows another sheet; for a URL, returns a Promise that settles when it is shown or has failed. */
  update(sheet?: Sheet | string): void | Promise<void>;
  /** Removes the widget from its element. */
  destroy(): void;
}

/**
 * Mounts a widget in `element`, replacing any widget there.
 * `sheet`: a sheet object, a URL string, or undefined for the bundled story.
 * Throws an Error listing every problem of an invalid sheet (a SheetError, with
 * `problems`) or options; for a URL, returns a Promise that rejects with that Error.
 */
export function mount(element: Element, sheet?: Sheet, options?: MountOptions): Handle;
export function mount(element: Element, sheet: string, options?: MountOptions): Promise<Handle>;

/**
 * Resolves once the wasm has loaded and every [data-factcards] element is
 * mounted. Over a server-rendered fallback the widget loads only when wanted
 * (`data-load`, docs/embedding.md), so this may wait until then; `load()`
 * starts it at once.
 */
export const ready: Promise<FactcardsApi>;

/**
 * Fetches and starts the widget now, if it has not started yet; returns
 * `ready`. A widget started through the JS API is the build with live
 * sheets, so that any mount() may ask for `live`.
 */
export function load(): Promise<FactcardsApi>;

/** What a page queues: a function that gets the API once it is ready. */
export type FactcardsCallback = (api: FactcardsApi) => void;

/**
 * Starts the widget if it has not started, and runs each callback with the
 * API once `ready` has resolved (at once, in a microtask, if it has), in the
 * order pushed. The same call as an array's
 * push, so that a page's queue works whichever script runs first.
 */
export function push(...callbacks: FactcardsCallback[]): void;

export interface FactcardsApi {
  mount: typeof mount;
  ready: Promise<FactcardsApi>;
  push: typeof push;
  load: typeof load;
}

/** What a live deck's update brought (`factcards:update`): fact keys are a fact's `id`, or `card~index~fingerprint` for a fact without one. */
export interface UpdateDetail {
  sheet: string;
  /** The new version's `updated`. */
  updated: string;
  counts: { new: number; changed: number; removed: number; moved: number; newCards: number; removedCards: number };
  ids: { new: string[]; changed: string[]; removed: string[]; moved: string[] };
}

/** Events dispatched on the mount element (they bubble). */
export interface FactcardsEventMap {
  "factcards:ready": CustomEvent<{ sheet: string; cards: number }>;
  "factcards:error": CustomEvent<{ problems: SheetProblem[] }>;
  "factcards:card-toggle": CustomEvent<{ card: string; expanded: boolean }>;
  "factcards:filter": CustomEvent<{ categories: string[] }>;
  "factcards:source-click": CustomEvent<{ source: string; url: string }>;
  "factcards:copy-link": CustomEvent<{ card: string; anchor: string }>;
  /** The search text changed (reported once the reader stops typing); matches is how many facts show. */
  "factcards:search": CustomEvent<{ query: string; matches: number }>;
  "factcards:grouping": CustomEvent<{ grouping: "topic" | "certainty" }>;
  /** The first time at least half of the deck (or of the screen, for a taller deck) is on screen. */
  "factcards:view": CustomEvent<{ sheet: string }>;
  "factcards:update": CustomEvent<UpdateDetail>;
}

declare global {
  interface Window {
    /**
     * Until factcards.js has run: whatever queue the page started (or
     * nothing); then the API. Reach it only through push():
     * `(window.factcards = window.factcards || []).push(callback)`.
     */
    factcards?: FactcardsApi | FactcardsCallback[];
  }
  interface HTMLElementEventMap extends FactcardsEventMap {}
}
