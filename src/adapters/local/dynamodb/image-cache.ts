import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { Image } from './stream-record.ts';

/**
 * The last image this process wrote for each key, least recently written dropped first. An
 * absent item (deleted) is known too, as `undefined` under `has`.
 *
 * Images are kept as JSON text: an AttributeValue tree is one object per attribute, and a wave's
 * 20,000 booking images held that way were 42 MB of the runtime's heap; as text they take about
 * half. Each `get` of a text image parses a fresh copy (a record built from it cannot change the
 * cache). An image with binary attributes, which JSON would not give back, is kept (and given
 * back) as the object it was.
 */
export class ImageCache {
  private readonly images = new Map<string, string | Image>();
  private readonly limit: number;

  constructor(limit: number) {
    this.limit = limit;
  }

  has(id: string): boolean {
    return this.images.has(id);
  }

  get(id: string): Image {
    const held = this.images.get(id);
    return typeof held === 'string' ? (JSON.parse(held) as Image) : held;
  }

  set(id: string, image: Image): void {
    this.images.delete(id);
    this.images.set(id, image && !hasBinary(image) ? JSON.stringify(image) : image);
    if (this.images.size > this.limit) {
      const oldest = this.images.keys().next().value;
      if (oldest !== undefined) this.images.delete(oldest);
    }
  }
}

function hasBinary(image: Record<string, AttributeValue>): boolean {
  return Object.values(image).some(binary);
}

function binary(value: AttributeValue): boolean {
  if (value.B !== undefined || value.BS !== undefined) return true;
  if (value.M) return hasBinary(value.M);
  return value.L?.some(binary) ?? false;
}
