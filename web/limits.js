// How much text Lede reads, measured as the analyzer measures it. The page
// checks before sending, so that an oversized text gets a plain answer at
// once rather than a copy of megabytes to the worker and back.

// The analyzer refuses more than core.MaxInputBytes (2 MiB) of UTF-8.
export const MAX_BYTES = 2 << 20;

// megabytes writes a size as "2.1 MB", rounded up, so that a size just
// over a limit never reads as the limit itself.
export const megabytes = (n) => `${(Math.ceil((n * 10) / 1048576) / 10).toFixed(1)} MB`;

// utf8Length is the size of text in UTF-8 as the analyzer receives it: a
// lone surrogate, which UTF-8 cannot hold, arrives as U+FFFD (3 bytes).
// Counting avoids TextEncoder's copy of what may be a huge text.
function utf8Length(text) {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4; // a surrogate pair, one character beyond U+FFFF
      i++;
    } else n += 3;
  }
  return n;
}

// tooLarge says why text is over the limit, or returns ''.
export function tooLarge(text) {
  // A code unit is at most 3 bytes, so most texts need no count.
  if (text.length * 3 <= MAX_BYTES) return '';
  const bytes = utf8Length(text);
  if (bytes <= MAX_BYTES) return '';
  return `This text is ${megabytes(bytes)}; Lede reads at most 2 MB (about 300,000 words). ` +
    'Split it and analyze the parts.';
}
