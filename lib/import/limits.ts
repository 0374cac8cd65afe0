/** Report files are well under a megabyte, report PDFs a few; anything this large is not one, and would only be slow. */
export const MAX_INPUT_BYTES = 50 * 1024 * 1024;
