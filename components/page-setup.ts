/**
 * What every extension page does before its first render: the kind table's colours, and the
 * reader's language choice.
 */
import { addKindStyle } from './kind-style';
import { restoreLangChoice } from './LanguageSwitch';

export async function setUpPage(doc: Document = document): Promise<void> {
  addKindStyle(doc);
  restoreLangChoice();
}
