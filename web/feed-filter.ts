/** Filters on the live feed: by kind of activity and by flight, applied as items arrive. */

const KINDS = ['event', 'workflow', 'notification', 'flight', 'weather'];
const shown = new Set(KINDS);
let flight = '';

export function feedFilterHtml(): string {
  return `<form id="feed-filter" class="feed-filter" aria-label="Filter live activity">
    ${KINDS.map((k) => `<label class="check"><input type="checkbox" name="kind" value="${k}" checked /> ${k}s</label>`).join('')}
    <label>Flight <input name="flight" size="8" placeholder="SW1234" /></label>
  </form>`;
}

/** Hides an item the filters leave out. */
export function applyFeedFilter(item: HTMLElement): void {
  const kindOk = shown.has(item.dataset.kind ?? '') || !KINDS.includes(item.dataset.kind ?? '');
  const flightOk = !flight || (item.dataset.flight ?? '').includes(flight);
  item.hidden = !(kindOk && flightOk);
}

/** Puts the filter form before the feed and re-applies it on every change. */
export function bindFeedFilter(feed: HTMLElement): void {
  feed.insertAdjacentHTML('beforebegin', feedFilterHtml());
  const form = document.getElementById('feed-filter') as HTMLFormElement;
  const update = () => {
    const data = new FormData(form);
    shown.clear();
    for (const k of data.getAll('kind')) shown.add(String(k));
    flight = String(data.get('flight') ?? '')
      .trim()
      .toUpperCase();
    for (const item of feed.querySelectorAll<HTMLElement>('li')) applyFeedFilter(item);
  };
  form.addEventListener('input', update);
  form.addEventListener('submit', (e) => e.preventDefault());
}
