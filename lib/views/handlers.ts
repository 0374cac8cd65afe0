import type { ZhibiaoDB } from '../storage/db';

/** Placeholder until the view queries land: answers no request. */
export function handleViewRequest(_db: ZhibiaoDB, _request: { type: string }): Promise<unknown> | undefined {
  return undefined;
}
