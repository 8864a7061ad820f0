// Lambda entry: EventBridge Scheduler (every 15 minutes) → the weather watch; the API's
// "run the watch now" invokes it with `{ "at": "…Z" }` to assess as of a time.
import { WatchRequestSchema } from '../domain/weather/weather-requests.ts';
import { weatherWatchFunction } from './weather-dependencies.ts';

const watch = weatherWatchFunction(process.env);

/** The schedule's input carries no time: the watch runs as of now. */
export const handler = async (input: unknown) => {
  const request = WatchRequestSchema.safeParse(input ?? {});
  return watch(request.success ? request.data.at : undefined);
};
