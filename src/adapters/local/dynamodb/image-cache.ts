import type { Image } from './stream-record.ts';

/**
 * The last image this process wrote for each key, least recently written dropped first. An
 * absent item (deleted) is known too, as `undefined` under `has`.
 */
export class ImageCache {
  private readonly images = new Map<string, Image>();
  private readonly limit: number;

  constructor(limit: number) {
    this.limit = limit;
  }

  has(id: string): boolean {
    return this.images.has(id);
  }

  get(id: string): Image {
    return this.images.get(id);
  }

  set(id: string, image: Image): void {
    this.images.delete(id);
    this.images.set(id, image);
    if (this.images.size > this.limit) {
      const oldest = this.images.keys().next().value;
      if (oldest !== undefined) this.images.delete(oldest);
    }
  }
}
