import { describe, expect, it } from 'vitest';
import { renderEmail } from '../../../src/domain/delivery/render-email.ts';

describe('renderEmail', () => {
  it('links a URL without the full stop that ends its sentence', () => {
    const { html } = renderEmail(
      's',
      'Choose here: https://x.example/#/offer/B009.abc. We hold it.',
    );
    expect(html).toContain('<a href="https://x.example/#/offer/B009.abc">');
  });

  it('escapes markup in the body, so a message cannot inject HTML', () => {
    const { html, text } = renderEmail('s', 'Dear <b>Emily</b> & co');
    expect(html).toContain('Dear &lt;b&gt;Emily&lt;/b&gt; &amp; co');
    expect(text).toBe('Dear <b>Emily</b> & co');
  });
});
