const STYLE_ELEMENT = /<style>([\s\S]*?)<\/style>/g;

/**
 * The API's pack page split for the app: its stylesheet's text and its body's nodes. The stylesheet is cut out of the
 * text before parsing: a parsed <style> would be refused by the app's Content-Security-Policy (and reported as a
 * violation) even in a document that is never shown. The page is the API's own (no scripts, everything users wrote
 * escaped); any script element is dropped all the same, so nothing runs from it.
 */
export function packParts(html: string): { css: string; body: Node[] } {
  const css = [...html.matchAll(STYLE_ELEMENT)].map((match) => match[1]).join('\n');
  const page = new DOMParser().parseFromString(html.replace(STYLE_ELEMENT, ''), 'text/html');
  for (const script of page.querySelectorAll('script')) script.remove();
  return { css, body: [...page.body.childNodes].map((node) => document.importNode(node, true)) };
}
