/** An e-mail as providers take it: the same message as plain text and as HTML. */
export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** Links in the text become anchors; everything else is escaped, so no body can inject markup. */
function paragraphHtml(paragraph: string): string {
  // A sentence ending after a link keeps its full stop out of the link.
  const parts = paragraph.split(/(https?:\/\/[^\s<>"]*[^\s<>".,;:!?)])/g);
  const html = parts
    .map((part, i) =>
      i % 2 === 1 ? `<a href="${escapeHtml(part)}">${escapeHtml(part)}</a>` : escapeHtml(part),
    )
    .join('');
  return `<p>${html.replaceAll('\n', '<br>')}</p>`;
}

/** Multipart e-mail from one message body: paragraphs split on blank lines. */
export function renderEmail(subject: string, body: string): RenderedEmail {
  const paragraphs = body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  const html = [
    '<!doctype html>',
    `<html><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    `<body style="font-family: system-ui, sans-serif; line-height: 1.5">${paragraphs.map(paragraphHtml).join('')}</body></html>`,
  ].join('\n');
  return { subject, text: body, html };
}
