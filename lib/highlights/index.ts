export { createPagePainter, PAINT_LAYERS, HIGHLIGHT_NAMES, ACTIVE_HIGHLIGHT, NOTE_HIGHLIGHT, ACTIVE_NOTE_HIGHLIGHT } from './painter';
export type { PagePainter, FigurePainter, PaintedFigure, PainterOptions, PainterWindow, HighlightLike } from './painter';
export { figureAtPoint, caretOffsetAt } from './hit-test';
export type { FigureSpan } from './hit-test';
export { placeCard, scrollToFit } from './placement';
export { installName, installSuffix, randomSuffix } from './install-names';
