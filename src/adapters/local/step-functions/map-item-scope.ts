import { AsyncLocalStorage } from 'node:async_hooks';

/** Which item of which Distributed Map the running work belongs to. */
export interface MapItem {
  label: string;
  index: number;
}

const scope = new AsyncLocalStorage<MapItem>();

/** Runs a Map item's child execution (and everything it starts) as that item's work. */
export function asMapItem<T>(item: MapItem, work: () => Promise<T>): Promise<T> {
  return scope.run(item, work);
}

/** The Map item the running work belongs to; undefined outside any Distributed Map. */
export function currentMapItem(): MapItem | undefined {
  return scope.getStore();
}
