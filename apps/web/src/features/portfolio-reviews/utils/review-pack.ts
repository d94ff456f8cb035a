/**
 * The API's pack page split for the app: its stylesheet's text and its body's nodes. The page is the API's own (no
 * scripts, everything users wrote escaped); any script element is dropped all the same, so nothing runs from it.
 */
export function packParts(html: string): { css: string; body: Node[] } {
  const page = new DOMParser().parseFromString(html, 'text/html');
  const css = [...page.querySelectorAll('style')].map((style) => style.textContent ?? '').join('\n');
  for (const script of page.querySelectorAll('script')) script.remove();
  return { css, body: [...page.body.childNodes].map((node) => document.importNode(node, true)) };
}
