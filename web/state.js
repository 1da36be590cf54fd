// The page's shared mutable state, all of it, in one object. Modules keep
// private only what no other module reads (a timer, a drag's depth);
// anything two of them need is here, so that who may change it can be
// found by searching for "state.".
//
// What the page shows of the analyzer's loading and of a running analysis
// lives in the DOM instead (body's data-state, data-ready, data-busy,
// data-analyses), where style.css, tests and scripts read it.

export const state = {
  // The result on the page, set by render.js for the panels, the details,
  // the keys and the downloads. drawn holds the indexes of the quotes the
  // article could draw; partial is true for a first look, whose quotes
  // have no speakers yet.
  shown: {
    text: '',
    result: null,
    title: '',
    quotes: [],
    byId: new Map(), // entity id → entity
    colors: new Map(), // speaking entity id → its data-speaker-color
    drawn: new Set(),
    partial: false,
  },

  // Where the text came from, shown above the article: a file's name, the
  // sample, or '' for the reader's own text.
  source: '',

  // Quotes that can be the one detailed in the tip (see currentQuote in
  // tooltips.js), as indexes into shown.quotes.
  hoveredQuote: null, // under the pointer
  focusedQuote: null, // with keyboard focus
  pinnedQuote: null, // fixed by a click, shown when nothing else is

  // The entity whose mentions stay highlighted, fixed by a click.
  pinnedEntity: null,

  // Escape hides the details of a name reached with the keys until focus
  // moves.
  markDismissed: false,
};

// forgetPointing drops what the reader pointed at or pinned: after a new
// render the indexes and ids may name other things, and after Escape
// nothing should stay shown.
export function forgetPointing() {
  state.hoveredQuote = null;
  state.focusedQuote = null;
  state.pinnedQuote = null;
  state.pinnedEntity = null;
}
