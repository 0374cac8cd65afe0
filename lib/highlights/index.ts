export { createPagePainter, hasHighlightApi, PAINT_LAYERS, HIGHLIGHT_NAMES, ACTIVE_HIGHLIGHT, NOTE_HIGHLIGHT, ACTIVE_NOTE_HIGHLIGHT } from './painter';
export type { PagePainter, FigurePainter, NotePainter, PaintedFigure, PaintLayer, PaintMode, PainterOptions, PainterWindow, HighlightRegistryLike, HighlightLike } from './painter';
export { figureAtPoint, caretOffsetAt } from './hit-test';
export type { FigureSpan } from './hit-test';
export { placeCard, scrollToFit } from './placement';
export { pageSheet, type PageSheet } from './page-sheet';
