/** lib/text: what the rest of the project uses of it. */
export { normalizeText, toOriginalRange } from './normalize';
export { isTraditional, toSimplified } from './script';
