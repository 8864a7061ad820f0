import type { NotificationDetail } from '../../domain/event-routing/bus-events.ts';
import { type Check, check, type ScenarioRun } from '../scenario-run.ts';

/** How many times each notification id arrived. */
function tally(ids: Array<string | undefined>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const id of ids) if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

/** Recorded notifications that did not arrive exactly once, and arrivals nothing recorded. */
function differences(
  recorded: NotificationDetail[],
  arrived: Array<string | undefined>,
  everRecorded: ReadonlySet<string>,
): string[] {
  const counts = tally(arrived);
  const problems = recorded.flatMap((n) => {
    const times = counts.get(n.notification_id) ?? 0;
    return times === 1 ? [] : [`${n.notification_id} arrived ${times}×`];
  });
  for (const id of arrived)
    if (!id || !everRecorded.has(id)) problems.push(`${id ?? 'a message'} arrived, never recorded`);
  return problems;
}

/**
 * Every scenario: each e-mail notification the run recorded arrived exactly once in the
 * embedded mailbox over real SMTP (to the recorded address, with the recorded subject), each
 * SMS and push exactly once on the loopback carrier's handsets, and nothing arrived that was
 * never recorded.
 */
export function receivedChecks(run: ScenarioRun): Check[] {
  if (!run.received) return [];
  const { mail, handset, recorded: everRecorded } = run.received;
  const recorded = (type: string) =>
    run.busEvents
      .filter((e) => e['detail-type'] === type)
      .map((e) => e.detail as unknown as NotificationDetail);
  const emails = recorded('notification.email');
  const wrong = emails.flatMap((n) => {
    const got = mail.find((m) => m.notification_id === n.notification_id);
    const subject = n.channel === 'EMAIL' ? n.subject : '';
    return got && (got.to !== n.recipient || got.subject !== subject)
      ? [`${n.notification_id} to ${got.to} "${got.subject}"`]
      : [];
  });
  const mailProblems = [
    ...differences(
      emails,
      mail.map((m) => m.notification_id),
      everRecorded,
    ),
    ...wrong,
  ];
  const short = [...recorded('notification.sms'), ...recorded('notification.push')];
  const handsetProblems = differences(
    short,
    handset.map((m) => m.notification_id),
    everRecorded,
  );
  return [
    check(
      `each of the ${emails.length} e-mails arrived once in the embedded mailbox over SMTP (${mail.length} there in all)`,
      mailProblems.length === 0,
      mailProblems.join('; '),
    ),
    check(
      `each of the ${short.length} SMS and push messages arrived once on the handsets (${handset.length} there in all)`,
      handsetProblems.length === 0,
      handsetProblems.join('; '),
    ),
  ];
}
