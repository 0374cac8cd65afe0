/**
 * Sent by the background to a tab's content script (context menu, keyboard command):
 * open the note editor on the current selection. Not a background request, hence its own prefix.
 * A file of its own: the content script needs this name and none of the note requests' checks.
 */
export const ANNOTATE_MESSAGE = 'noteui/annotate';
