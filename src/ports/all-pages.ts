import type { Page, PageRequest } from '../ports.ts';

/**
 * Every item of a paged store list, read page by page. For the few readers that need a whole
 * list (metrics, the weather view, an export); the API itself answers one page at a time.
 */
export async function allPages<T>(
  read: (page: PageRequest) => Promise<Page<T>>,
  limit = 200,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await read({ limit, ...(cursor ? { cursor } : {}) });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}
