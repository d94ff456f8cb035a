import { html } from './html.js';

describe('html', () => {
  it('should escape interpolated text so it cannot become markup', () => {
    const title = `<script>alert("x")</script> & 'co'`;

    expect(html`<h1>${title}</h1>`.value).toBe(
      '<h1>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;</h1>',
    );
  });

  it('should keep nested html as it is, join arrays and drop null, undefined and false', () => {
    const items = ['a<b', 'c'].map((x) => html`<li>${x}</li>`);

    expect(html`<ul>${items}</ul>${null}${undefined}${false}${0}`.value).toBe('<ul><li>a&lt;b</li><li>c</li></ul>0');
  });
});
