export { decodeBytes, DecodingError, firstInvalidUtf8 } from './decode';
export type { DecodedText, DecodeOptions, DecodingFailure, TextEncodingName } from './decode';
export { declaredHtmlCharset, looksLikeHtml } from './html-charset';
