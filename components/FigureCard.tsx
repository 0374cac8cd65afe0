/**
 * The card a figure opens in the page: what the figure says (value, unit, qualifier, kind, year,
 * indicator) and where it stands among its indicator's years — last year's outcome beside it, the
 * change, the target of its year and whether it was met, earlier years when the index has them.
 *
 * Rendered by the content script inside a shadow root, so the page's styles cannot reach it;
 * its stylesheet (FigureCard.css) is put into that root. Page text is only ever rendered as text.
 */
import type { ComponentChildren } from 'preact';
import type { Assessment } from '../lib/linking';
import type { CardModel, CardPoint } from '../lib/page';
import { formatChange, formatGap, formatRange, kindLabel } from './format';
import { tr } from './i18n';
import { DEFAULT_KEYS } from '../lib/page';

export interface FigureCardProps {
  model: CardModel;
  /** 1-based position among the page's figures, and how many there are. */
  position: number;
  total: number;
  /** Whether the card stays open until closed (opened by click or keyboard) or follows the pointer. */
  pinned: boolean;
  /** Where the indicator's history stands: still asking the index, answered, or failed (message). */
  historyState: 'pending' | 'ready' | { error: string };
  onClose(): void;
  onStep(delta: 1 | -1): void;
  /** Opens the card of another figure of this page (by analysis index). */
  onShowFigure(index: number): void;
  /** Opens this indicator's page across regions; no link when absent. */
  onAcrossRegions?: () => void;
  /** Extra actions (notes) below the comparison. */
  children?: ComponentChildren;
  /** The keys for next, previous and open/close, as the browser has them. */
  keys?: { next: string; previous: string; toggle: string };
}

function statusLabel(status: Assessment): string {
  return status === 'met' ? tr('✓ 完成', '✓ Met') : status === 'missed' ? tr('✗ 未完成', '✗ Missed') : tr('? 无法判断', '? Unclear');
}

function ChangeRow({ change, unit }: { change: CardModel['change']; unit: string }) {
  if (!change) return null;
  return (
    <div class="zb-row zb-change">
      <span class="zb-label">{tr('较上年实际', "Change from last year's actual")}</span>
      <span>{formatChange(change, unit)}</span>
    </div>
  );
}

function Point({ point }: { point: CardPoint | null }) {
  if (!point) return <span class="zb-none">—</span>;
  const source = point.thisReport ? tr('本报告', 'this report') : (point.reportTitle ?? point.url ?? '');
  return (
    <span class={`zb-point zb-kind-${point.kind}`} title={source}>
      {point.text}
      {point.kind === 'estimate' ? <span class="zb-tag">{tr('预计', 'est.')}</span> : null}
      {point.disputed ? <span class="zb-tag zb-disputed">{tr(`他处作${point.disputed.join('、')}`, `elsewhere ${point.disputed.join(', ')}`)}</span> : null}
    </span>
  );
}

function Status({ status, gap, position, unit }: { status: Assessment | null; gap?: number | null; position?: CardModel['position']; unit?: string }) {
  if (!status) return <span class="zb-none">—</span>;
  return (
    <span class={`zb-status zb-status-${status}`} data-verdict={status}>
      {statusLabel(status)}
      {gap !== null && gap !== undefined ? <span class="zb-gap"> {formatGap(gap, unit ?? '', position ?? null)}</span> : null}
    </span>
  );
}

export function FigureCard(props: FigureCardProps) {
  const { model, position, total, pinned, historyState } = props;
  const keys = props.keys ?? { next: DEFAULT_KEYS.next.label, previous: DEFAULT_KEYS.previous.label, toggle: DEFAULT_KEYS.toggle.label };
  const f = model.figure;
  const yearText = f.year !== null ? String(f.year) : f.period ? `${f.period.from}–${f.period.to}` : tr('未知', 'unknown');
  const isTarget = f.kind === 'target';
  const others = model.years.filter((y) => y.year !== f.year);

  return (
    <section class="zb-card" role="dialog" aria-label={tr('指标卡片', 'Figure card')} data-kind={f.kind} data-pinned={pinned ? 'true' : 'false'}>
      <header class="zb-head">
        <span class={`zb-badge zb-kind-${f.kind}`}>{kindLabel(f.kind)}</span>
        <strong class="zb-text">{f.text}</strong>
        <span class="zb-pos" aria-label={tr(`第${position}个，共${total}个`, `${position} of ${total}`)}>
          {position}/{total}
        </span>
        <button type="button" class="zb-close" aria-label={tr('关闭', 'Close')} title={tr('关闭 (Esc)', 'Close (Esc)')} onClick={props.onClose}>
          ×
        </button>
      </header>

      {/* Compact: the indicator and year on one line, value, unit and qualifier on the next. */}
      <p class="zb-facts zb-facts-what">
        <span class="zb-metric" title={tr('指标', 'Indicator')}>
          {f.metric || tr('指标未识别', 'Indicator not recognised')}
        </span>
        <span class="zb-year" title={tr('年份', 'Year')}>
          {yearText}
        </span>
      </p>
      <p class="zb-facts zb-facts-value">
        <span class="zb-fact">
          <span class="zb-k">{tr('数值', 'Value')}</span> <span class="zb-value">{formatRange(f.value, f.unit, f.valueMax)}</span>
        </span>
        <span class="zb-fact">
          <span class="zb-k">{tr('单位', 'Unit')}</span> <span class="zb-unit">{f.unit || tr('(计数)', '(count)')}</span>
        </span>
        <span class="zb-fact">
          <span class="zb-k">{tr('限定', 'Qualifier')}</span> <span class="zb-qualifier">{f.qualifier ?? '—'}</span>
        </span>
      </p>

      <div class="zb-compare" aria-live="polite">
        {isTarget ? (
          <>
            <div class="zb-row zb-last">
              <span class="zb-label">{tr('上年实际', "Last year's actual")}</span>
              <Point point={model.lastYear} />
            </div>
            <div class="zb-row zb-this">
              <span class="zb-label">{tr('本年目标', "This year's target")}</span>
              <Point point={{ ...pointOf(model), current: true }} />
            </div>
            <ChangeRow change={model.change} unit={f.unit} />
            <div class="zb-row zb-outcome">
              <span class="zb-label">{tr('结果', 'Outcome')}</span>
              {model.counterpart ? (
                <span>
                  <Point point={model.counterpart} /> <Status status={model.status} gap={model.gap} position={model.position} unit={f.unit} />
                </span>
              ) : (
                <span class="zb-none">{tr('尚无，待下一年报告收录', "Not yet: needs next year's report")}</span>
              )}
            </div>
          </>
        ) : f.kind === 'baseline' ? (
          <div class="zb-row">
            <span class="zb-label">{tr('起点数值', 'Starting value')}</span>
            <Point point={{ ...pointOf(model), current: true }} />
          </div>
        ) : (
          <>
            <div class="zb-row zb-target-of">
              <span class="zb-label">{tr('当年目标', "The year's target")}</span>
              <span>
                <Point point={model.counterpart} />{' '}
                {model.counterpart ? <Status status={model.status} gap={model.gap} position={model.position} unit={f.unit} /> : null}
              </span>
            </div>
            <div class="zb-row zb-last">
              <span class="zb-label">{tr('上年实际', "Previous year's actual")}</span>
              <Point point={model.lastYear} />
            </div>
            <ChangeRow change={model.change} unit={f.unit} />
            {model.nextTarget ? (
              <div class="zb-row zb-next">
                <span class="zb-label">{tr('下一年目标', "Next year's target")}</span>
                <Point point={model.nextTarget} />
              </div>
            ) : null}
          </>
        )}
      </div>

      {others.length > 0 ? (
        <table class="zb-years">
          <caption>{tr('历年', 'By year')}</caption>
          <thead>
            <tr>
              <th scope="col">{tr('年份', 'Year')}</th>
              <th scope="col">{tr('目标', 'Target')}</th>
              <th scope="col">{tr('结果', 'Outcome')}</th>
              <th scope="col">{tr('完成', 'Met')}</th>
            </tr>
          </thead>
          <tbody>
            {model.years.map((y) => (
              <tr key={y.year} class={y.year === f.year ? 'zb-current' : undefined}>
                <th scope="row">{y.year}</th>
                <td>
                  <Point point={y.target} />
                </td>
                <td>
                  <Point point={y.outcome} />
                </td>
                <td>
                  <Status status={y.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      {model.linked.length > 0 ? (
        <div class="zb-linked">
          <span class="zb-label">{tr('本报告中的关联数字', 'Linked in this report')}</span>
          <ul>
            {model.linked.map((l) => (
              <li key={l.index}>
                <button type="button" class="zb-link" onClick={() => props.onShowFigure(l.index)}>
                  <span class={`zb-badge zb-kind-${l.kind}`}>{kindLabel(l.kind)}</span> {l.text}
                  {l.year !== null ? ` (${l.year})` : ''}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {historyState === 'pending' ? (
        <p class="zb-note">{tr('正在读取历年数据…', 'Reading the history…')}</p>
      ) : historyState !== 'ready' ? (
        <p class="zb-note zb-error">{tr('历年数据不可用：', 'History unavailable: ') + historyState.error}</p>
      ) : null}

      {props.onAcrossRegions && (
        <p class="zb-actions">
          <button type="button" class="zb-link zb-regions" onClick={props.onAcrossRegions}>
            {tr('这一指标在其他地区', 'This indicator in other regions')}
          </button>
        </p>
      )}
      {props.children}

      <footer class="zb-foot">
        <button type="button" class="zb-step" onClick={() => props.onStep(-1)} aria-label={tr('上一个数字', 'Previous figure')} title={keys.previous}>
          ‹
        </button>
        <span class="zb-hint" title={tr('可在 chrome://extensions/shortcuts 更改', 'Change them at chrome://extensions/shortcuts')}>
          {tr(`${keys.next} / ${keys.previous} 切换，Esc 关闭`, `${keys.next} / ${keys.previous} to step, Esc to close`)}
        </span>
        <button type="button" class="zb-step" onClick={() => props.onStep(1)} aria-label={tr('下一个数字', 'Next figure')} title={keys.next}>
          ›
        </button>
      </footer>
    </section>
  );
}

function pointOf(model: CardModel): CardPoint {
  const f = model.figure;
  const p: CardPoint = {
    year: f.year ?? 0,
    kind: f.kind,
    text: f.text,
    value: f.value,
    unit: f.unit,
    qualifier: f.qualifier,
    current: true,
    thisReport: true,
    reportTitle: null,
    url: null,
  };
  if (f.valueMax !== undefined) p.valueMax = f.valueMax;
  return p;
}
