/** Bar charts with axes: the value axis with its unit and scale, the category axis with its ends. */

type Escape = (value: unknown) => string;

export interface Bar {
  label: string;
  value: number;
}

export interface Axes {
  /** The value axis title with its unit, e.g. "events per minute". */
  y: string;
  /** The category axis title, e.g. "minute (Europe/Berlin)". */
  x: string;
  /** Labels at the start and end of the category axis. */
  from?: string;
  to?: string;
  unit?: string;
}

const W = 260;
const H = 110;
const LEFT = 34;
const BOTTOM = 26;
const TOP = 12;

export function axisBars(values: Bar[], axes: Axes, h: Escape): string {
  const max = Math.max(1, ...values.map((v) => v.value));
  const plotW = W - LEFT - 4;
  const plotH = H - TOP - BOTTOM;
  const step = values.length > 0 ? plotW / values.length : plotW;
  const unit = axes.unit ?? '';
  const rects = values
    .map((v, i) => {
      const height = (v.value / max) * plotH;
      return `<rect x="${LEFT + i * step + 1}" y="${TOP + plotH - height}" width="${Math.max(2, step - 2)}" height="${height}" fill="#4aa3ff"><title>${h(v.label)}: ${v.value}${h(unit)}</title></rect>`;
    })
    .join('');
  const base = TOP + plotH;
  const text = (x: number, y: number, anchor: string, body: string) =>
    `<text x="${x}" y="${y}" text-anchor="${anchor}" font-size="9" fill="currentColor">${h(body)}</text>`;
  return `<svg viewBox="0 0 ${W} ${H}" width="100%" height="${H}" role="img" aria-label="${h(`${axes.y} by ${axes.x}: ${values.map((v) => `${v.label} ${v.value}${unit}`).join(', ') || 'no data yet'}`)}">
    <line x1="${LEFT}" y1="${TOP}" x2="${LEFT}" y2="${base}" stroke="currentColor" stroke-width="0.5"/>
    <line x1="${LEFT}" y1="${base}" x2="${W - 4}" y2="${base}" stroke="currentColor" stroke-width="0.5"/>
    ${text(LEFT - 3, TOP + 4, 'end', `${Math.round(max)}`)}${text(LEFT - 3, base, 'end', '0')}
    ${text(4, TOP - 3, 'start', axes.y)}
    ${axes.from ? text(LEFT, base + 10, 'start', axes.from) : ''}${axes.to ? text(W - 4, base + 10, 'end', axes.to) : ''}
    ${text((LEFT + W) / 2, H - 2, 'middle', axes.x)}
    ${rects}${values.length === 0 ? text((LEFT + W) / 2, TOP + plotH / 2, 'middle', 'no data yet') : ''}</svg>`;
}
