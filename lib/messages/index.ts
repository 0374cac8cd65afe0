export * from './types';
export { createBackgroundClient, createPageClient, sendRequest, toEnvelope, describeError, MessageError } from './client';
export type { BackgroundClient, PageClient, Send } from './client';
