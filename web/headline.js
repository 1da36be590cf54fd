// The head of an article as news sites print it and readers copy it:
// short lines without a full stop before the first paragraph of prose,
// such as a date, the headline, a standfirst and a photo caption. The
// renderer styles them as such; the text itself is drawn as it is.

import {wordCount} from './text.js';

const HEAD_MAX = 6; // paragraphs
const HEAD_CHARS = 320;
const HEADLINE_CHARS = 160;
const endsSentence = (s) => /[.!?…][\s"'”’»)\]]*$/u.test(s);
const MONTH = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b/i;
const looksLikeDate = (s) => wordCount(s) <= 7 && (/\b(1[89]|20)\d\d\b/.test(s) || MONTH.test(s));

// titleCase tells a headline that ends with a full stop ("Hillary Clinton
// Was Headed to ER But Diverted.") from a sentence: most of its words of
// four letters or more are capitalized.
function titleCase(s) {
  const long = s.match(/\p{L}{4,}/gu) || [];
  const capital = long.filter((w) => /^\p{Lu}/u.test(w)).length;
  return long.length >= 3 && capital * 5 >= long.length * 4;
}

// headRoles returns the role of each of the first paragraphs that make
// up the head: 'kicker' (a date or section line before the headline),
// 'headline', 'deck' (a standfirst, or the headline repeated) or
// 'caption' (lines after the headline broken within the paragraph). A
// text with no prose after such lines has no head.
export function headRoles(text, paras) {
  const lines = [];
  for (const p of paras) {
    const s = text.slice(p.start, p.end).trim();
    const headline = lines.length === 0 && s.length <= HEADLINE_CHARS && !s.includes('\n') && titleCase(s);
    if (s.length > HEAD_CHARS || endsSentence(s) && !headline) break;
    lines.push(s);
    if (lines.length > HEAD_MAX) return [];
  }
  if (lines.length === 0 || lines.length === paras.length) return [];
  let headline = -1;
  return lines.map((s, i) => {
    if (headline < 0) {
      if (!looksLikeDate(s) && !s.includes('\n') && s.length <= HEADLINE_CHARS && wordCount(s) >= 2) {
        headline = i;
        return 'headline';
      }
      return 'kicker';
    }
    return s.includes('\n') ? 'caption' : 'deck';
  });
}
