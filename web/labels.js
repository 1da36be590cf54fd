// The words the page and the exports use for the analyzer's categories:
// entity types, attribution methods, and plurals. One place, so that the
// panel, the tooltips, the status line and the downloads never disagree.

// The entity types in the order the panel and the summary list them.
// one: a single entity's type ("Person"); many: the group's name
// ("People"); nouns: how the status line counts them; note: what a
// reader may not guess from the name.
export const TYPES = [
  {type: 'PERSON', one: 'Person', many: 'People', nouns: ['person', 'people']},
  {type: 'ORG', one: 'Organization', many: 'Organizations', nouns: ['organization', 'organizations']},
  {type: 'PLACE', one: 'Place', many: 'Places', nouns: ['place', 'places']},
  {type: 'NORP', one: 'Group', many: 'Groups', nouns: ['group', 'groups'],
    note: 'nationalities, religious and political groups'},
];

const ONE = Object.fromEntries(TYPES.map((t) => [t.type, t.one]));

// typeLabel names one entity's type; types the analyzer may add later are
// shown as they come.
export const typeLabel = (t) => ONE[t] || String(t || 'Other');

// How each attribution method reads to someone who has not seen the
// schema.
export const METHOD_LABELS = {
  explicit: 'named',
  pronoun: 'pronoun',
  nominal: 'description',
  continuation: 'continued',
  none: 'no speaker',
};

// How each quote kind reads: quotations (direct, partial) and reported
// speech (indirect, mixed), which a reader must tell apart.
export const KIND_LABELS = {
  direct: 'quote',
  partial: 'quoted phrase',
  indirect: 'reported',
  mixed: 'reported, partly quoted',
};

// isReported reports whether q is reported speech rather than a
// quotation: said in the writer's words, perhaps with quoted ones inside.
export const isReported = (q) => q.kind === 'indirect' || q.kind === 'mixed';

// methodLabel names a method for the page; unknown methods are shown as
// they come.
export const methodLabel = (m) => METHOD_LABELS[m] || String(m || 'none');

// plural counts: plural(1, 'quote', 'quotes') is "1 quote".
export const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;
