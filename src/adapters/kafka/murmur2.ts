/**
 * Kafka's murmur2 hash, as its default partitioner uses it, so a key lands on the same
 * partition in the embedded feed as on a real broker.
 */
export function murmur2(data: Uint8Array): number {
  const m = 0x5bd1e995;
  const length = data.length;
  let h = 0x9747b28c ^ length;
  const whole = length - (length % 4);
  for (let i = 0; i < whole; i += 4) {
    let k =
      (data[i] as number) |
      ((data[i + 1] as number) << 8) |
      ((data[i + 2] as number) << 16) |
      ((data[i + 3] as number) << 24);
    k = Math.imul(k, m);
    k ^= k >>> 24;
    k = Math.imul(k, m);
    h = Math.imul(h, m) ^ k;
  }
  const rest = length % 4;
  if (rest === 3) h ^= (data[whole + 2] as number) << 16;
  if (rest >= 2) h ^= (data[whole + 1] as number) << 8;
  if (rest >= 1) {
    h ^= data[whole] as number;
    h = Math.imul(h, m);
  }
  h ^= h >>> 13;
  h = Math.imul(h, m);
  h ^= h >>> 15;
  return h;
}

/** The non-negative hash Kafka's Java partitioner takes the partition from. */
export function positiveMurmur2(data: Uint8Array): number {
  return murmur2(data) & 0x7fffffff;
}

/** The partition Kafka's default partitioner picks for a key. */
export function partitionForKey(key: string, partitions: number): number {
  return positiveMurmur2(new TextEncoder().encode(key)) % partitions;
}
