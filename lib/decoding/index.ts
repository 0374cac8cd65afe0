export { decodeBytes, DecodingError, firstInvalidUtf8 } from './decode';
export { declaredHtmlCharset, looksLikeHtml } from './html-charset';
