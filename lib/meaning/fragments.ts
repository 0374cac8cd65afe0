/**
 * Metric phrases that are fragments: words around the indicator that extraction kept, or clauses
 * that name nothing ("我们一定要下力气也完全有能力保障好", "对新增", "坚决守住"). A fragment names no
 * indicator, so it must never link, enter a series or read as a catalogue id by chance.
 *
 * - Announcing verbs before a target name ("提出经济增长预期目标为5%左右" → 经济增长) are dropped.
 * - A bare verb whose noun stands after the figure in quotes ("新建和提升11个“生活盒子”") takes
 *   that noun.
 */
import type { Figure } from '../model';

/** Verbs that announce a target rather than name it. */
const ANNOUNCING = /^(?:我们)?(?:提出|设定)(?=.{2,})/;

/** Building and counting verbs that leave a metric without its noun. */
const BARE_VERB = /^(?:年内|今年|全年)?(?:新建|改建|扩建|提升|改造|建成|建设|完成|新增|打造|实施|启动|新建和提升|新建改建|新建和改造)+$/;

/** A quoted or bracketed name right after the figure ("11个“生活盒子”", "3个《…》"). */
const QUOTED_AFTER = /^(?:的)?[“"‘《]([^”"’》]{2,12})[”"’》]/;

export function repairFragments(text: string, figures: Figure[]): void {
  for (const f of figures) {
    const m = f.metric;
    if (ANNOUNCING.test(m)) f.metric = m.replace(ANNOUNCING, '');
    if (BARE_VERB.test(f.metric)) {
      const q = QUOTED_AFTER.exec(text.slice(f.end, f.end + 16));
      if (q) f.metric = f.metric + q[1];
    }
  }
}
