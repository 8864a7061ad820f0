import { describe, expect, it } from 'vitest';
import { ImageCache } from '../../../src/adapters/local/dynamodb/image-cache.ts';

const booking = {
  PK: { S: 'FLIGHT#FP100' },
  SK: { S: 'BOOKING#BK1' },
  seats: { N: '2' },
  channels: { L: [{ S: 'EMAIL' }, { S: 'SMS' }] },
  special: { M: { wheelchair: { BOOL: true }, note: { NULL: true as const } } },
  tags: { SS: ['a', 'b'] },
};

describe('ImageCache', () => {
  it('gives back the image as written, a fresh copy each time', () => {
    const cache = new ImageCache(10);
    cache.set('k', booking);
    const first = cache.get('k');
    expect(first).toEqual(booking);
    (first as Record<string, unknown>).seats = { N: '9' };
    expect(cache.get('k')).toEqual(booking);
  });

  it('keeps binary attributes, nested ones too, exactly', () => {
    const cache = new ImageCache(10);
    const image = {
      PK: { S: 'P' },
      blob: { B: new Uint8Array([1, 2, 3]) },
      deep: { M: { list: { L: [{ BS: [new Uint8Array([4])] }] } } },
    };
    cache.set('k', image);
    const back = cache.get('k') as typeof image;
    expect(back.blob.B).toBeInstanceOf(Uint8Array);
    expect(back).toEqual(image);
  });

  it('knows a deleted item as absent, and forgets the least recently written first', () => {
    const cache = new ImageCache(2);
    cache.set('gone', undefined);
    cache.set('a', booking);
    expect(cache.has('gone')).toBe(true);
    expect(cache.get('gone')).toBeUndefined();
    cache.set('gone', undefined); // written again: now the newest
    cache.set('b', booking);
    expect(cache.has('a')).toBe(false);
    expect(cache.has('gone')).toBe(true);
    expect(cache.has('b')).toBe(true);
  });
});
