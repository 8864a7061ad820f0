/**
 * IP address literals as EventBridge reads them: a string is an address only when it looks
 * like one (four dotted decimal numbers, or hex digits and colons with at least one colon)
 * and parses as IPv4 or IPv6; an IPv4-mapped IPv6 address counts as its IPv4 address.
 * Addresses are compared as upper-case hex digits (8 for IPv4, 32 for IPv6).
 */

const IPV4_SHAPE = /^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$/;
const IPV6_SHAPE = /^[0-9a-fA-F:]*:[0-9a-fA-F:]*$/;

/** True when the text has the shape of an address (whether or not it parses). */
export function looksLikeIpAddress(text: string): boolean {
  return IPV4_SHAPE.test(text) || IPV6_SHAPE.test(text);
}

/** The address's bytes (4 or 16), or undefined when the text is not an address literal. */
export function ipAddressBytes(text: string): number[] | undefined {
  if (IPV4_SHAPE.test(text)) return ipv4Bytes(text);
  if (IPV6_SHAPE.test(text)) {
    const bytes = ipv6Bytes(text);
    return bytes && isIpv4Mapped(bytes) ? bytes.slice(12) : bytes;
  }
  return undefined;
}

/** The address as hex digits, or undefined when the text is not an address literal. */
export function ipAddressHex(text: string): string | undefined {
  const bytes = ipAddressBytes(text);
  return bytes && toHex(bytes);
}

export function toHex(bytes: readonly number[]): string {
  return bytes.map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join('');
}

function ipv4Bytes(text: string): number[] | undefined {
  const parts = text.split('.');
  // A leading zero makes a part ambiguous (octal or decimal): such literals are refused.
  if (parts.some((p) => p.length > 1 && p.startsWith('0'))) return undefined;
  const bytes = parts.map(Number);
  return bytes.every((b) => b <= 255) ? bytes : undefined;
}

function ipv6Bytes(text: string): number[] | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groupsOf = (part: string): string[] | undefined => {
    if (part === '') return [];
    const groups = part.split(':');
    return groups.every((g) => g.length >= 1 && g.length <= 4) ? groups : undefined;
  };
  const head = groupsOf(halves[0] ?? '');
  const tail = halves.length === 2 ? groupsOf(halves[1] ?? '') : [];
  if (!head || !tail) return undefined;
  const present = head.length + tail.length;
  if (halves.length === 1 ? present !== 8 : present > 7) return undefined;
  const groups = [...head, ...Array<string>(8 - present).fill('0'), ...tail];
  return groups.flatMap((g) => {
    const value = Number.parseInt(g, 16);
    return [value >> 8, value & 0xff];
  });
}

function isIpv4Mapped(bytes: readonly number[]): boolean {
  return bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff;
}
