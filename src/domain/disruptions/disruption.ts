import { z } from 'zod';
import {
  type CancelledDetail,
  CancelledDetailSchema,
  type DelayDetail,
  DelayDetailSchema,
  type GateChangeDetail,
  GateChangeDetailSchema,
  type MessageType,
} from '../event-routing/bus-events.ts';
import type { Severity } from '../messaging/message-segment.ts';

/** The three kinds of disruption a workflow handles; the ASL files pass one as `kind`. */
export const DisruptionKindSchema = z.enum(['DELAY', 'CANCELLATION', 'GATE_CHANGE']);
export type DisruptionKind = z.infer<typeof DisruptionKindSchema>;

/** A disruption as the workflows see it: the enriched bus detail tagged with its kind. */
export type Disruption =
  | { kind: 'DELAY'; detail: DelayDetail }
  | { kind: 'CANCELLATION'; detail: CancelledDetail }
  | { kind: 'GATE_CHANGE'; detail: GateChangeDetail };

export function disruptionFrom(kind: DisruptionKind, detail: unknown): Disruption {
  switch (kind) {
    case 'DELAY':
      return { kind, detail: DelayDetailSchema.parse(detail) };
    case 'CANCELLATION':
      return { kind, detail: CancelledDetailSchema.parse(detail) };
    case 'GATE_CHANGE':
      return { kind, detail: GateChangeDetailSchema.parse(detail) };
  }
}

export function messageTypeOf(disruption: Disruption): MessageType {
  switch (disruption.kind) {
    case 'DELAY':
      return 'DELAY_NOTIFICATION';
    case 'CANCELLATION':
      return 'CANCELLATION_NOTIFICATION';
    case 'GATE_CHANGE':
      return 'GATE_CHANGE_NOTIFICATION';
  }
}

export function severityOf(disruption: Disruption): Severity {
  switch (disruption.kind) {
    case 'DELAY':
      return disruption.detail.delay_category;
    case 'CANCELLATION':
      return 'CANCELLED';
    case 'GATE_CHANGE':
      return disruption.detail.terminal_change ? 'TERMINAL' : 'GATE';
  }
}
