/** The `notes/*` request handler: notes, backup and export behind one validated entry. */
export { handleNoteRequest, answerNoteRequest } from './handlers';
