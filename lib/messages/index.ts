export * from './types';
export { createBackgroundClient, createPageClient, toEnvelope, describeError, MessageError } from './client';
export type { BackgroundClient, PageClient } from './client';
export { checkMessage, classifySender, validateUrl } from './validate';
export type { ImportTextRequest, SenderKind } from './validate';
export {
  LIMITS,
  address,
  arrayOf,
  boolean,
  byType,
  checkValue,
  finiteNumber,
  integer,
  nonNegativeInteger,
  noteRowCheck,
  nullable,
  oneOf,
  plainText,
  rebuild,
  record,
  selectorCheck,
  text,
  withoutControls,
} from './fields';
export type { Check } from './fields';
