/**
 * The status pill on a detected page and the legend it opens. The pill says the page was read as
 * a report (region, year, figures by kind); the legend says what each colour and line means and
 * turns each kind's highlights off and on, or all of them at once.
 *
 * Rendered by the content script in its shadow root beside the card; the swatches are drawn from
 * the kind table, so the legend shows exactly what the page shows.
 */
import type { FigureKind } from '../lib/model';
import { ACTIVE_META, FIGURE_KINDS, KIND_META, NOTE_META } from '../lib/kinds';
import { kindLabel } from './format';
import { tr } from './i18n';

export interface PageLegendProps {
  region: string | null;
  year: number | null;
  title: string | null;
  counts: Record<FigureKind, number>;
  hidden: ReadonlySet<FigureKind>;
  open: boolean;
  /** The keys that step and open cards, as the browser has them. */
  keysHint?: string;
  onOpen(open: boolean): void;
  onHidden(hidden: Set<FigureKind>): void;
}

const MEANING: Record<FigureKind, [string, string]> = {
  actual: ['已完成的结果', 'a result achieved'],
  estimate: ['以“预计”给出的结果', 'a result given as an estimate (预计)'],
  target: ['承诺的目标', 'a target set'],
  baseline: ['“从…提高到…”的起点', 'the starting value of a "from … to …"'],
};

function Swatch({ kind }: { kind: FigureKind }) {
  const m = KIND_META[kind];
  const edge = `2px ${m.line === 'over' ? 'solid' : m.line} ${m.text.light}`;
  const style = m.line === 'over' ? { background: m.mark, borderTop: edge } : { background: m.mark, borderBottom: edge };
  return (
    <span class="zb-swatch" style={style} aria-hidden="true">
      12
    </span>
  );
}

export function PageLegend(props: PageLegendProps) {
  const { counts, hidden } = props;
  const kinds = FIGURE_KINDS.filter((k) => counts[k] > 0);
  const allHidden = kinds.length > 0 && kinds.every((k) => hidden.has(k));
  const where = [props.region, props.year !== null ? String(props.year) : null].filter(Boolean).join(' ');
  const toggle = (kind: FigureKind) => {
    const next = new Set(hidden);
    if (next.has(kind)) next.delete(kind);
    else next.add(kind);
    props.onHidden(next);
  };

  return (
    <div class="zb-legend-box">
      {props.open ? (
        <section class="zb-legend" role="dialog" aria-label={tr('图例', 'Legend')}>
          <header class="zb-legend-head">
            <strong>{props.title || tr('政府工作报告', 'Government work report')}</strong>
            <button type="button" class="zb-close" aria-label={tr('收起图例', 'Close the legend')} onClick={() => props.onOpen(false)}>
              ×
            </button>
          </header>
          {where ? <p class="zb-legend-where">{where}</p> : null}
          <ul class="zb-legend-kinds">
            {kinds.map((k) => (
              <li key={k}>
                <label class="zb-legend-kind">
                  <input type="checkbox" checked={!hidden.has(k)} data-kind={k} onChange={() => toggle(k)} />
                  <Swatch kind={k} />
                  <span class={`zb-legend-name zb-kind-${k}`}>{kindLabel(k)}</span>
                  <span class="zb-legend-count">{counts[k]}</span>
                  <span class="zb-legend-means">{tr(...MEANING[k])}</span>
                </label>
              </li>
            ))}
          </ul>
          <p class="zb-legend-more">
            <span>
              <span class="zb-swatch" style={{ background: NOTE_META.mark }} aria-hidden="true">
                12
              </span>{' '}
              {tr('你的笔记', 'your notes')}
            </span>
            <span>
              <span class="zb-swatch" style={{ background: ACTIVE_META.background.light, color: ACTIVE_META.text }} aria-hidden="true">
                12
              </span>{' '}
              {tr('卡片打开的数字', 'the figure whose card is open')}
            </span>
          </p>
          <p class="zb-legend-actions">
            <button type="button" class="zb-hide-all" onClick={() => props.onHidden(allHidden ? new Set() : new Set(kinds))}>
              {allHidden ? tr('全部显示', 'Show all') : tr('全部隐藏', 'Hide all')}
            </button>
            {props.keysHint ? <span class="zb-legend-keys">{tr(`${props.keysHint} 逐个查看`, `${props.keysHint}: step through`)}</span> : null}
          </p>
        </section>
      ) : null}
      <button
        type="button"
        class="zb-pill"
        aria-expanded={props.open}
        title={tr('指标：本页已识别为政府工作报告。点击查看图例', 'Zhibiao: this page was read as a government work report. Click for the legend')}
        onClick={() => props.onOpen(!props.open)}
      >
        <strong>{tr('指标', 'Zhibiao')}</strong>
        {where ? <span class="zb-pill-where">{where}</span> : null}
        {kinds.map((k) => (
          <span key={k} class={`zb-pill-kind zb-kind-${k}${hidden.has(k) ? ' zb-off' : ''}`} title={kindLabel(k)}>
            <span class="zb-dot" aria-hidden="true" />
            <span class="visually-hidden">{kindLabel(k)} </span>
            {counts[k]}
          </span>
        ))}
      </button>
    </div>
  );
}
