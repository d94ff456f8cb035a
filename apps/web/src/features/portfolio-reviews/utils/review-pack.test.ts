import { describe, expect, it } from 'vitest';
import { packParts } from './review-pack';

describe('packParts', () => {
  it('should give the stylesheet as text and the body without scripts', () => {
    const { css, body } = packParts(
      '<!DOCTYPE html><html lang="sv"><head><style>h1 { color: red; }</style></head><body><h1>Underlag</h1><script>alert(1)</script><section id="larm"><p>&lt;b&gt;</p></section></body></html>',
    );
    expect(css).toBe('h1 { color: red; }');
    const holder = document.createElement('div');
    holder.append(...body);
    expect(holder.innerHTML).toBe('<h1>Underlag</h1><section id="larm"><p>&lt;b&gt;</p></section>');
  });
});
