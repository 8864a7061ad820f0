import type { Entitlement } from '../../src/domain/rights/entitlement.ts';
import type { EntitlementStore } from '../../src/ports.ts';

/** The entitlement store's contract in a map: latest event wins, a retry changes nothing. */
export class InMemoryEntitlementStore implements EntitlementStore {
  readonly items = new Map<string, Entitlement>();

  async put(entitlement: Entitlement): Promise<boolean> {
    const key = `${entitlement.booking_id}|${entitlement.flight_id}`;
    const stored = this.items.get(key);
    if (
      stored &&
      (stored.event_time > entitlement.event_time || stored.event_id === entitlement.event_id)
    )
      return false;
    this.items.set(key, structuredClone(entitlement));
    return true;
  }
  async rejudge(entitlement: Entitlement): Promise<boolean> {
    const key = `${entitlement.booking_id}|${entitlement.flight_id}`;
    const stored = this.items.get(key);
    if (!stored || stored.event_id !== entitlement.event_id) return false;
    if (stored.claim_notice?.sent_at) return false;
    this.items.set(key, structuredClone(entitlement));
    return true;
  }
  async listOfBooking(bookingId: string) {
    return [...this.items.values()].filter((e) => e.booking_id === bookingId);
  }
  async listOfFlight(flightId: string) {
    return [...this.items.values()].filter((e) => e.flight_id === flightId);
  }
  async listClaimNoticesDue(limit: number) {
    return [...this.items.values()]
      .filter((e) => e.claim_notice !== null && e.claim_notice.sent_at === null)
      .sort((a, b) => (a.claim_notice?.due_by ?? '').localeCompare(b.claim_notice?.due_by ?? ''))
      .slice(0, limit);
  }
  async markClaimNoticeSent(entitlement: Entitlement, sentAt: string) {
    const stored = this.items.get(`${entitlement.booking_id}|${entitlement.flight_id}`);
    if (!stored?.claim_notice || stored.claim_notice.sent_at !== null) return false;
    if (stored.event_id !== entitlement.event_id) return false;
    stored.claim_notice.sent_at = sentAt;
    return true;
  }
}
