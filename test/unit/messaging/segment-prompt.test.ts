import { describe, expect, it } from 'vitest';
import type { MessageSegment } from '../../../src/domain/messaging/message-segment.ts';
import { templateFor } from '../../../src/domain/messaging/message-templates.ts';
import {
  ComposedMessageError,
  parseComposedMessage,
  segmentPrompt,
} from '../../../src/domain/messaging/segment-prompt.ts';
import { validateComposed } from '../../../src/domain/messaging/validate-composed.ts';
import { disruption } from '../../support/fixtures.ts';

const segment: MessageSegment = {
  messageType: 'DELAY_NOTIFICATION',
  severity: 'MAJOR',
  tier: 'A-LIST',
  assistance: 'MOBILITY',
  channels: 'EMAIL+SMS',
  language: 'en',
};
const delay = disruption({ eventType: 'FLIGHT_DELAY', flightId: 'SW5678', delayMinutes: 90 });

describe('segmentPrompt', () => {
  it('asks for the segment with placeholders only, and never carries passenger data', () => {
    const { system, user } = segmentPrompt(segment);
    expect(system).toContain('{{first_name}}');
    expect(system).not.toContain('{{new_gate}}');
    expect(user).toContain('"A-List" (never "A-List Preferred")');
    expect(user).toContain('write every part in English (en)');
    expect(user).toContain('Segment: {"messageType":"DELAY_NOTIFICATION"');
    expect(`${system}${user}`).not.toMatch(/@|\+1555/);
  });

  it('asks for the passenger’s language, with the words the checker looks for in it', () => {
    const { user } = segmentPrompt({ ...segment, language: 'de', severity: 'SEVERE' });
    expect(user).toContain('write every part in German (de)');
    expect(user).toContain('"es tut uns leid"');
    expect(user).toContain('"Nächste Schritte:"');
    expect(user).toContain('"wegen des Wetters"');
  });

  it('asks a gate change to name the assistance in the SMS too', () => {
    const gate = {
      ...segment,
      messageType: 'GATE_CHANGE_NOTIFICATION',
      severity: 'TERMINAL',
    } as const;
    expect(segmentPrompt(gate).user).toMatch(/SMS also names \{\{assistance\}\}/);
    expect(segmentPrompt(gate).user).toContain('start the SMS with "URGENT"');
  });

  it('asks only for the parts of the segment channels', () => {
    expect(segmentPrompt({ ...segment, channels: 'SMS' }).user).not.toContain('email_body');
  });
});

describe('parseComposedMessage', () => {
  it('reads a JSON answer, also inside a code fence', () => {
    const answer =
      '```json\n{"email_subject": "Delay", "email_body": "' +
      'x'.repeat(50) +
      '", "sms_body": "{{first_name}}, delayed."}\n```';
    expect(parseComposedMessage(answer, segment).sms_body).toBe('{{first_name}}, delayed.');
  });

  it.each([
    ['prose', 'Sure, here you go!'],
    ['broken JSON', '{"email_subject": '],
    ['a missing part', `{"email_subject": "Delay", "email_body": "${'x'.repeat(50)}"}`],
  ])('rejects %s', (_name, answer) => {
    expect(() => parseComposedMessage(answer, segment)).toThrow(ComposedMessageError);
  });
});

describe('validateComposed', () => {
  it('accepts the templates of every segment kind', () => {
    expect(validateComposed(templateFor(segment), segment, delay)).toEqual([]);
  });

  it('rejects unknown placeholders, invented promises, requests of others and missing priority language', () => {
    const template = templateFor(segment);
    expect(
      validateComposed(
        { ...template, sms_body: '{{first_name}}: gate {{new_gate}}' },
        segment,
        delay,
      )[0],
    ).toMatch(/new_gate/);
    expect(
      validateComposed(
        { ...template, email_body: `${template.email_body} A voucher is on its way.` },
        segment,
        delay,
      ),
    ).toContain('promises what policy does not allow');
    expect(
      validateComposed(
        {
          ...template,
          email_body: `${template.email_body} Your service animal arrangements stay.`,
        },
        segment,
        delay,
      ),
    ).toContain('mentions service animal arrangements not requested');
    expect(
      validateComposed(
        { ...template, email_body: template.email_body.replace('As an A-List Member, ', '') },
        segment,
        delay,
      ),
    ).toContain('email misses A-List priority language');
    expect(
      validateComposed(
        {
          ...template,
          sms_body: template.sms_body.replace(' A-List priority boarding stays.', ''),
        },
        segment,
        delay,
      ),
    ).toContain('SMS misses A-List priority language');
    expect(
      validateComposed(
        { ...template, sms_body: `${template.sms_body} Check the app.` },
        segment,
        delay,
      ),
    ).toContain('SMS offers a next step the system does not offer');
    expect(
      validateComposed(
        { ...template, sms_body: template.sms_body.replace('{{new_departure_time}}', '11:00') },
        segment,
        delay,
      ),
    ).toContain("SMS shows 11:00 not as the airport's local time with its zone");
    expect(validateComposed(template, { ...segment, language: 'fr' }, delay)).toContain(
      'email is not in French',
    );
    expect(
      validateComposed(
        { ...template, sms_body: `{{first_name}} ${'x'.repeat(170)}` },
        segment,
        delay,
      ),
    ).toContain('SMS does not fit 160 characters');
  });
});
