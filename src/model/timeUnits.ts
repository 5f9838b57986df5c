/**
 * Milliseconds per time unit: the one definition for the whole repository (`src/contract/constants.ts` re-exports
 * it for the layers outside `src/model`). A day is 24 hours and a week 7 days, as in Prometheus durations
 * (`model.ParseDuration`); calendar effects (DST, leap seconds) do not exist on Unix-millisecond time.
 */
export const SECOND_MS = 1000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
export const WEEK_MS = 7 * DAY_MS;
