/**
 * The panel's tables as columns and rows, independent of the file format: every writer (CSV,
 * JSON Lines, Parquet, DuckDB) takes a `Table` and maps the column types to its own.
 */
export type ColumnType = 'string' | 'double' | 'int' | 'bool';
export type Cell = string | number | boolean | null;

export interface Column {
  name: string;
  type: ColumnType;
}

export interface Table {
  name: 'reports' | 'figures' | 'assessments';
  columns: readonly Column[];
  rows: Cell[][];
}

const cols = (spec: string): Column[] =>
  spec
    .trim()
    .split(/\s+/)
    .map((c) => {
      const [name, type] = c.split(':');
      return { name, type: (type ?? 'string') as ColumnType };
    });

export const REPORT_COLUMNS = cols(`
  source title region level delivered report_year:int plan_year:int review_year:int
  score:double figures:int encoding warnings`);

/** One row per figure: where it stands (report, section), what it says, what it measures. */
export const FIGURE_COLUMNS = cols(`
  source region level report_year:int plan_year:int review_year:int
  section section_title kind year:int period_from:int period_to:int headline:bool
  indicator_id indicator_name metric text value:double value_max:double unit qualifier growth:bool reading
  start:int end:int sentence`);

/** One row per target whose year has an outcome in the collection (compare's series, judged). */
export const ASSESSMENT_COLUMNS = cols(`
  region indicator_id indicator_name unit growth:bool year:int
  target_text target_value:double target_value_max:double target_qualifier target_source target_start:int target_end:int
  outcome_kind outcome_text outcome_value:double outcome_source outcome_start:int outcome_end:int verdict`);
