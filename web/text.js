// Small measures of plain text that several parts of the page share, so
// that they count and cut the same way.

// wordCount counts words as a reader does: "China-Russia" and "don't" are
// one. The quotes panel, the reading time and the exports all use it, so
// their numbers agree.
export const wordCount = (s) => (String(s).match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) || []).length;

// oneLine collapses white space, line breaks included, to single spaces.
export const oneLine = (s) => String(s == null ? '' : s).replace(/\s+/g, ' ').trim();

// clip shortens s to about n characters at a word boundary.
export function clip(s, n) {
  if (s.length <= n) return s;
  const cut = s.lastIndexOf(' ', n);
  return s.slice(0, cut > n / 2 ? cut : n).replace(/[\s,;:.—–-]+$/u, '') + '…';
}

// sameText tells whether span s carries the words of text it covers. A
// lone surrogate, which UTF-8 cannot hold, reaches the analyzer as
// U+FFFD, one code unit as well: the offsets hold, the words differ.
export function sameText(text, s) {
  const slice = text.slice(s.start, s.end);
  return slice === s.text || (typeof slice.toWellFormed === 'function' && slice.toWellFormed() === s.text);
}

// thousands writes n with commas between thousands, as toLocaleString('en')
// does; that call loads the browser's locale data the first time, which
// took 130 ms on a slow machine, in the middle of drawing an article.
export const thousands = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
