/** Search, filters, sort and paging shared by the console's server-paged lists. */

export interface ListState {
  q: string;
  statuses: string[];
  sort: string;
  dir: 'asc' | 'desc';
  offset: number;
  limit: number;
}

export interface ListCounts {
  total: number;
  matched: number;
  offset: number;
  limit: number;
}

type Escape = (value: unknown) => string;

export function queryString(state: ListState): string {
  const params = new URLSearchParams({
    offset: String(state.offset),
    limit: String(state.limit),
    dir: state.dir,
  });
  if (state.q) params.set('q', state.q);
  if (state.statuses.length) params.set('status', state.statuses.join(','));
  if (state.sort) params.set('sort', state.sort);
  return params.toString();
}

/** "Showing 51–100 of 305 flights" (and "of N in all" when a filter narrows them). */
export function showing(counts: ListCounts, noun: string): string {
  if (counts.matched === 0) return `No ${noun} match (${counts.total} in all)`;
  const first = counts.offset + 1;
  const last = Math.min(counts.offset + counts.limit, counts.matched);
  const narrowed = counts.matched < counts.total ? ` (${counts.total} in all)` : '';
  return `Showing ${first}–${last} of ${counts.matched} ${noun}${narrowed}`;
}

export function pagerHtml(counts: ListCounts, id: string): string {
  const pages = Math.max(1, Math.ceil(counts.matched / counts.limit));
  const page = Math.floor(counts.offset / counts.limit) + 1;
  const button = (label: string, target: number, disabled: boolean) =>
    `<button type="button" class="secondary" data-page="${target}" ${disabled ? 'disabled' : ''}>${label}</button>`;
  return `<nav class="pager" id="${id}" aria-label="Pages">
    ${button('« First', 1, page <= 1)} ${button('‹ Previous', page - 1, page <= 1)}
    <span>Page ${page} of ${pages}</span>
    ${button('Next ›', page + 1, page >= pages)} ${button('Last »', pages, page >= pages)}
  </nav>`;
}

/** The search form, status checkboxes and page size of a list. */
export function controlsHtml(
  state: ListState,
  statuses: readonly string[],
  label: string,
  placeholder: string,
  h: Escape,
): string {
  const boxes = statuses
    .map(
      (s) =>
        `<label class="check"><input type="checkbox" name="status" value="${h(s)}" ${state.statuses.includes(s) ? 'checked' : ''}/> ${h(s.replaceAll('_', ' ').toLowerCase())}</label>`,
    )
    .join('');
  return `<form class="list-controls" role="search">
    <label>${h(label)} <input type="search" name="q" value="${h(state.q)}" placeholder="${h(placeholder)}" /></label>
    <button type="submit">Search</button>
    <fieldset><legend>Status</legend>${boxes}</fieldset>
    <label>Per page <select name="limit">${[25, 50, 100, 200].map((n) => `<option ${n === state.limit ? 'selected' : ''}>${n}</option>`).join('')}</select></label>
  </form>`;
}

/** A column header that sorts by its key; the current sort shows its direction. */
export function sortHeader(state: ListState, key: string, label: string): string {
  const active = state.sort === key;
  const aria = active ? ` aria-sort="${state.dir === 'asc' ? 'ascending' : 'descending'}"` : '';
  const arrow = active ? (state.dir === 'asc' ? ' ▲' : ' ▼') : '';
  return `<th${aria}><button type="button" class="sort" data-sort="${key}">${label}${arrow}</button></th>`;
}

/** Wires the controls of a rendered list to its state; `reload` fetches and renders again. */
export function bindList(root: HTMLElement, state: ListState, reload: () => void): void {
  const form = root.querySelector('form.list-controls') as HTMLFormElement | null;
  form?.addEventListener('submit', (e) => {
    e.preventDefault();
    const data = new FormData(form);
    state.q = String(data.get('q') ?? '').trim();
    state.statuses = data.getAll('status').map(String);
    state.limit = Number(data.get('limit'));
    state.offset = 0;
    reload();
  });
  for (const input of root.querySelectorAll<HTMLInputElement | HTMLSelectElement>(
    'form.list-controls input[type=checkbox], form.list-controls select',
  ))
    input.addEventListener('change', () => form?.requestSubmit());
  for (const b of root.querySelectorAll<HTMLButtonElement>('button[data-sort]'))
    b.addEventListener('click', () => {
      const key = b.dataset.sort as string;
      state.dir = state.sort === key && state.dir === 'asc' ? 'desc' : 'asc';
      state.sort = key;
      state.offset = 0;
      reload();
    });
  for (const b of root.querySelectorAll<HTMLButtonElement>('button[data-page]'))
    b.addEventListener('click', () => {
      state.offset = (Number(b.dataset.page) - 1) * state.limit;
      reload();
    });
}
