import type { ScenarioDefinition } from './scenario-definition.ts';

/** When the watch runs in the weather scenario: three hours before SW1234 leaves Dallas Love. */
export const WEATHER_WATCH_AT = '2025-01-15T11:00:00Z';

/**
 * Scenario 9 plays the recorded reports of 15 January 2025 (simulator/weather): fog at Dallas
 * Love in the morning, thunderstorms at San Diego in the afternoon. The watch raises SW1234's
 * risk before departure and operations issue a travel waiver for it.
 */
export const WEATHER_SCENARIOS: Record<number, ScenarioDefinition> = {
  9: {
    title:
      'Weather watch: fog at DAL raises SW1234 to HIGH ahead of departure, operations issue a waiver',
    records: () => [],
    async act({ request, watchWeather }) {
      await watchWeather(WEATHER_WATCH_AT);
      const response = await request('/flights/SW1234/weather/waiver', {
        method: 'POST',
        body: JSON.stringify({ issued_by: 'duty-manager' }),
      });
      if (response.status !== 201)
        throw new Error(`waiver answered ${response.status}: ${await response.text()}`);
    },
  },
};
