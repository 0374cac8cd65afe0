export { createFigurePainter, painterWithFallback, hasHighlightApi, HIGHLIGHT_NAMES, ACTIVE_HIGHLIGHT } from './painter';
export type { FigurePainter, PaintedFigure, PaintMode, PainterOptions, PainterWindow, HighlightRegistryLike, HighlightLike } from './painter';
export { figureAtPoint, caretOffsetAt } from './hit-test';
export type { FigureSpan } from './hit-test';
export { placeCard, scrollToFit } from './placement';
export { pageSheet, type PageSheet } from './page-sheet';
