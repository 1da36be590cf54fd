// The story of a web page as a browser's reader mode finds it: Mozilla's
// Readability (Firefox's Reader View) picks the article's text out of the
// page's menus, share bars, related links and footers. readability.js is
// copied from npm by make build; it is not part of the repository. It is
// 90 KB that only a pasted or opened web page needs, so it is fetched
// then (from the service worker's copy when offline), not with the page,
// which it slowed.
//
// Readability only ever sees a document made by DOMParser, which runs no
// script and loads nothing, and which it may change as it likes: nothing
// of it reaches the page but the text html_to_text.js takes out of it.

let loading = null;
const loadReadability = () => (loading ??= import('./readability.js'));

// readerArticle resolves to the article of doc, a parsed web page, as
// {title, byline, root}: root is the element holding the story's body,
// without the headline and byline Readability takes out of it; or to
// null when doc does not look like a page with an article in it, such as
// a copied selection of a few paragraphs, which is all story already and
// is better read as it is.
export async function readerArticle(doc) {
  let mod;
  try {
    mod = await loadReadability();
  } catch (err) {
    // Not fetched (offline before the page was kept): read the plain way.
    loading = null;
    return null;
  }
  const {Readability, isProbablyReaderable} = mod;
  if (!isProbablyReaderable(doc)) return null;
  let article = null;
  try {
    // serializer: the content as an element rather than as HTML, so that
    // nothing is parsed twice.
    article = new Readability(doc, {serializer: (node) => node}).parse();
  } catch (err) {
    // A page Readability trips over is read the plain way.
    return null;
  }
  if (!article || !article.content || !String(article.textContent || '').trim()) return null;
  return {
    title: oneLine(article.title),
    byline: oneLine(article.byline),
    root: article.content,
  };
}

const oneLine = (s) => String(s || '').replace(/\s+/g, ' ').trim();
