import type { WorkingHours } from './calendar/calendar';

/** What time-bound use cases need from outside: the clock and the working hours. Tests pass fixed clocks. */
export type Env = {
  now: Date;
  workingHours: WorkingHours;
  /** Public tracking links: the address customers reach the app at, and how many days a link stays valid. */
  trackingLinks?: { baseUrl: string; days: number };
};
