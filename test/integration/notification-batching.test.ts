import { startEmbeddedTable } from '../support/embedded-table.ts';
import { describeNotificationBatching } from '../support/notification-batching-cases.ts';

describeNotificationBatching('dynalite', () => startEmbeddedTable('FlightPulseTable'));
