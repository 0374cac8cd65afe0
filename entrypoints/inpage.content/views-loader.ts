/**
 * The layer's drawings go through here: the views module (views.tsx) is loaded the first time
 * something must be drawn, and what is asked for while it loads is drawn when it arrives: per slot
 * only the last request, since each drawing replaces the slot's content. A drawing that clears a
 * slot before the module has come needs no module: nothing was drawn there.
 *
 * The module keeps its own copy of the interface language (it is built whole); it is set from the
 * in-page module's before every drawing, so a drawing is always in the reader's language.
 */
import { currentLang } from '../../components/i18n';

export type LayerViews = typeof import('./views');

export type ViewSlot = 'legend' | 'card' | 'notes';

export class ViewsLoader {
  private views: LayerViews | null = null;
  private loading: Promise<void> | null = null;
  private readonly waiting = new Map<ViewSlot, (views: LayerViews) => void>();

  constructor(
    /** Brings the module: in the page, an import of the extension's file; tests give their own. */
    private readonly load: () => Promise<LayerViews>,
    /** Told once when the module cannot be loaded (the figures stay painted; nothing is drawn). */
    private readonly failed: (error: unknown) => void = () => {},
  ) {}

  /** A loader that has the module already (tests, which import the source). */
  static loaded(views: LayerViews): ViewsLoader {
    const loader = new ViewsLoader(() => Promise.resolve(views));
    loader.views = views;
    return loader;
  }

  /** Draws in `slot` now, or as soon as the module is there. */
  draw(slot: ViewSlot, drawing: (views: LayerViews) => void): void {
    if (this.views) {
      this.views.setLanguage(currentLang());
      drawing(this.views);
      return;
    }
    this.waiting.set(slot, drawing);
    this.loading ??= this.load().then(
      (views) => {
        this.views = views;
        const drawings = [...this.waiting.values()];
        this.waiting.clear();
        views.setLanguage(currentLang());
        for (const d of drawings) d(views);
      },
      (error: unknown) => {
        this.waiting.clear();
        this.failed(error);
      },
    );
  }

  /** Empties `slot`: at once when the module is there, otherwise by dropping what waits for it. */
  clear(slot: ViewSlot, clearing: (views: LayerViews) => void): void {
    if (this.views) clearing(this.views);
    else this.waiting.delete(slot);
  }

  /** Settles when what was asked for so far is drawn (tests; the module loads once). */
  async drawn(): Promise<void> {
    await this.loading;
  }
}
