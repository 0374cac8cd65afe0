export { readableText, blockText } from './readable';
export type { ReadableText } from './readable';
