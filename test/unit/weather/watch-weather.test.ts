import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReplayWeatherSource } from '../../../src/adapters/weather/replay-weather-source.ts';
import { weatherRoutes } from '../../../src/api/weather-routes.ts';
import { NotificationDetailSchema } from '../../../src/domain/event-routing/bus-events.ts';
import { checkHeadsUp } from '../../../src/domain/messaging/check-message.ts';
import { type FlightWeather, inWatchWindow } from '../../../src/domain/weather/flight-weather.ts';
import type { Waiver } from '../../../src/domain/weather/flight-weather-record.ts';
import { createTellPassengers } from '../../../src/handlers/tell-passengers.ts';
import { createWatchWeather, type WeatherPolicy } from '../../../src/handlers/watch-weather.ts';
import { declareWeatherDisruption } from '../../../src/handlers/weather-decisions.ts';
import type { FeedProducer, FlightWeatherStore } from '../../../src/ports.ts';
import { channelFakes } from '../../support/channel-fakes.ts';
import { FixedClock, InMemoryStores, RecordingPublisher, SilentLog } from '../../support/fakes.ts';
import { signedInApp } from '../../support/signed-in-app.ts';

const REPLAY = new ReplayWeatherSource(join(import.meta.dirname, '../../../simulator/weather'));
const MORNING = '2025-01-15T11:00:00.000Z';

/** The stores, with the weather written onto the flight as the DynamoDB store does. */
class Stores extends InMemoryStores implements FlightWeatherStore {
  async saveWaiver(flightId: string, waiver: Waiver) {
    const flight = this.flights.get(flightId);
    if (!flight) throw new Error(`flight ${flightId} not found`);
    if (flight.waiver) return flight.waiver;
    this.flights.set(flightId, { ...flight, waiver });
    return waiver;
  }
  async saveWeather(flightId: string, weather: FlightWeather) {
    const flight = this.flights.get(flightId);
    if (flight) this.flights.set(flightId, { ...flight, weather });
  }
}

class RecordingFeed implements FeedProducer {
  readonly records: Array<{ key: string | null; value: string }> = [];
  async produce(records: Array<{ key: string | null; value: string }>) {
    this.records.push(...records);
    return records.map((_, i) => ({ partition: 0, offset: String(i) }));
  }
}

function setup(policy: WeatherPolicy = { autoDeclare: false, headsUp: false }) {
  const stores = new Stores();
  const publisher = new RecordingPublisher();
  const feed = new RecordingFeed();
  const clock = new FixedClock(MORNING);
  const decisions = { weatherStore: stores, publisher, clock, feed };
  const watch = createWatchWeather({
    flights: stores,
    bookings: stores,
    // The channels as a workflow sends: claimed, sent, announced.
    tell: createTellPassengers(channelFakes({ bookings: stores, publisher, clock })),
    weatherStore: stores,
    source: REPLAY,
    publisher,
    clock,
    log: new SilentLog(),
    policy,
    declare: async (flight, weather, by) =>
      (await declareWeatherDisruption(decisions, flight, weather, by)).weather ?? weather,
  });
  return { stores, publisher, feed, watch, decisions };
}

describe('the weather watch', () => {
  it('assesses the flights of the next 12 hours, stores the result and announces a level change once', async () => {
    const { stores, publisher, watch } = setup();
    const first = await watch();
    // Every sample flight departing or arriving in the 12 hours from 11:00 UTC.
    expect(first.assessed).toBe(
      [...stores.flights.values()].filter((f) => inWatchWindow(f, MORNING)).length,
    );
    // Fog at Dallas Love this morning; thunderstorms at San Diego this afternoon (the DEN–SLC
    // flights added for rebooking are only on WATCH).
    expect(first.changed.filter((c) => c.new_risk === 'HIGH')).toEqual([
      { flight_id: 'SW1234', old_risk: 'NONE', new_risk: 'HIGH' },
      { flight_id: 'SW7890', old_risk: 'NONE', new_risk: 'HIGH' },
    ]);
    expect(stores.flights.get('SW1234')?.weather?.suggested_delay_minutes).toBe(120);
    expect(stores.flights.get('SW7890')?.weather?.reasons).toContain(
      'SAN departure: TAF TEMPO 2100-0200: thunderstorm (+TSRA)',
    );
    expect(stores.flights.get('SW3456')?.weather?.risk).toBe('NONE');
    expect(
      publisher.published
        .filter((e) => e.detail.new_risk === 'HIGH')
        .map((e) => [e.source, e.detailType, e.detail.flight_id]),
    ).toEqual([
      ['flightpulse.weather', 'weather.risk', 'SW1234'],
      ['flightpulse.weather', 'weather.risk', 'SW7890'],
    ]);
    const published = publisher.published.length;
    const second = await watch();
    expect(second.changed).toEqual([]);
    expect(publisher.published).toHaveLength(published);
  });

  it('leaves flights outside the 12-hour window alone', async () => {
    const { watch } = setup();
    expect((await watch('2025-01-14T00:00:00.000Z')).assessed).toBe(0);
  });

  it('in automatic mode declares a WEATHER delay as long as the forecast needs, through the feed', async () => {
    const { stores, feed, watch } = setup({ autoDeclare: true, headsUp: false });
    await watch();
    expect(feed.records.map((r) => r.key)).toEqual(['SW1234', 'SW7890']);
    const event = JSON.parse(feed.records[0]?.value ?? '{}');
    expect(event).toMatchObject({
      event_type: 'FLIGHT_DELAY',
      payload: { flight_id: 'SW1234', delay_minutes: 120, reason: 'WEATHER' },
    });
    expect(stores.flights.get('SW1234')?.weather?.declared).toMatchObject({
      kind: 'DELAY',
      by: 'policy',
    });
    await watch();
    expect(feed.records).toHaveLength(2);
  });

  it('tells the passengers of a flight that turns HIGH ahead, only when the policy says so', async () => {
    const off = setup();
    await off.watch();
    expect(off.publisher.published.some((e) => e.detailType.startsWith('notification.'))).toBe(
      false,
    );
    const on = setup({ autoDeclare: false, headsUp: true });
    await on.watch();
    const notes = on.publisher.published.filter(
      (e) => e.detailType.startsWith('notification.') && e.detail.flight_id === 'SW1234',
    );
    const expected = [...on.stores.bookings.values()]
      .filter(
        (b) => b.flight_id === 'SW1234' && ['CONFIRMED', 'CHECKED_IN'].includes(b.booking_status),
      )
      .flatMap((b) => {
        const prefs = on.stores.passengers.get(b.passenger_id)?.notification_preferences;
        return [
          ...(prefs?.email ? [`${b.booking_id}:EMAIL`] : []),
          ...(prefs?.sms ? [`${b.booking_id}:SMS`] : []),
        ];
      });
    expect(notes.map((e) => `${e.detail.booking_id}:${e.detail.channel}`).sort()).toEqual(
      expected.sort(),
    );
    expect(expected.length).toBeGreaterThan(0);
    for (const e of notes) {
      const note = NotificationDetailSchema.parse(e.detail);
      expect(note.message_type).toBe('WEATHER_HEADS_UP');
      // Every rule of a message, in the passenger's language (the flight's weather is at DAL).
      const passenger = on.stores.passengers.get(note.passenger_id);
      const booking = on.stores.bookings.get(note.booking_id);
      const flight = on.stores.flights.get('SW1234');
      if (!passenger || !booking || !flight) throw new Error('heads-up for an unknown record');
      const message =
        note.channel === 'EMAIL'
          ? { email_subject: note.subject, email_body: note.body }
          : { sms_body: note.body };
      expect(checkHeadsUp(message, passenger, booking, flight, 'DAL')).toEqual([]);
    }
    expect(
      on.publisher.published
        .filter((e) => e.detailType === 'weather.heads_up')
        .map((e) => e.detail.flight_id),
    ).toEqual(['SW1234', 'SW7890']);
  });
});

describe('weather routes', () => {
  const json = (body: unknown) => ({ method: 'POST', body: JSON.stringify(body) });

  it('answers 404 for an unknown flight, 409 before any assessment, 400 for bad JSON', async () => {
    const { stores, decisions, watch } = setup();
    const app = await signedInApp(weatherRoutes({ ...decisions, flights: stores, watch }));
    expect((await app.request('/flights/SW0000/weather/waiver', json({}))).status).toBe(404);
    expect((await app.request('/flights/SW1234/weather/waiver', json({}))).status).toBe(409);
    expect((await app.request('/flights/SW1234/weather/declaration', json({}))).status).toBe(409);
    expect(
      (await app.request('/flights/SW1234/weather/waiver', { method: 'POST', body: '{' })).status,
    ).toBe(400);
    expect((await app.request('/weather/watch', json({ at: 'yesterday' }))).status).toBe(400);
  });

  it('issues one waiver per flight and date, with the agreed event fields', async () => {
    const { stores, decisions, publisher, watch } = setup();
    const app = await signedInApp(weatherRoutes({ ...decisions, flights: stores, watch }));
    await app.request('/weather/watch', json({}));
    const response = await app.request(
      '/flights/SW1234/weather/waiver',
      json({ issued_by: 'agent-7' }),
    );
    expect(response.status).toBe(201);
    const waiver = await response.json();
    expect(Object.keys(waiver as object).sort()).toEqual([
      'flight_id',
      'issued_at',
      'issued_by',
      'reason',
      'waiver_id',
    ]);
    expect(waiver).toMatchObject({
      waiver_id: 'WX-SW1234-20250115',
      issued_by: 'agent-7',
      issued_at: MORNING,
    });
    const again = (await (
      await app.request('/flights/SW1234/weather/waiver', json({ issued_by: 'someone-else' }))
    ).json()) as { issued_by: string };
    expect(again.issued_by).toBe('agent-7');
    expect(publisher.published.filter((e) => e.detailType === 'flight.waiver_issued')).toHaveLength(
      2,
    );
  });

  it('lists assessed flights highest risk first', async () => {
    const { stores, decisions, watch } = setup();
    const app = await signedInApp(weatherRoutes({ ...decisions, flights: stores, watch }));
    await watch();
    const { flights } = (await (await app.request('/weather/flights')).json()) as {
      total: number;
      flights: Array<{ flight_id: string; weather: { risk: string } }>;
    };
    expect(flights[0]?.flight_id).toBe('SW1234');
    const order = ['NONE', 'WATCH', 'HIGH'];
    const risks = flights.map((f) => order.indexOf(f.weather.risk));
    expect(risks).toEqual([...risks].sort((a, b) => b - a));
    expect(
      flights
        .filter((f) => f.weather.risk === 'HIGH')
        .map((f) => f.flight_id)
        .sort(),
    ).toEqual(['SW1234', 'SW7890']);
  });
});
