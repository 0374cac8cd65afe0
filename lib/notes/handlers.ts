import type { ZhibiaoDB } from '../storage/db';

/** Placeholder until the notes store lands: answers no request. */
export function handleNoteRequest(_db: ZhibiaoDB, _request: { type: string }): Promise<unknown> | undefined {
  return undefined;
}
