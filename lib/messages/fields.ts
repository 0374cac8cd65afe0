/**
 * Checks for untrusted structured input (messages from web pages, backup files): each check
 * appends readable errors with the exact path (`notes[3].selectors[0].start: expected a number`)
 * instead of stopping at the first, so a reader fixing a file sees everything at once.
 *
 * Text policy: strings are stored and only ever rendered as text (never as HTML). Rejected
 * everywhere: wrong types and strings over their length limit. C0 control characters other than
 * tab, line feed and carriage return have no place in notes or reports and are a classic way to
 * corrupt exports and terminals, yet real pages carry them (Word's soft line break is U+000B): so
 * every way in — messages from pages and extension pages, and backup files — first replaces each
 * with a space (`withoutControls`; one character for one, so offsets into a text still hold), and
 * the checks then refuse any that remain. What we store is therefore always what we accept back. What the reader writes (note text, tags) must also hold no
 * script markup (`<script`, an `on…=` handler inside a tag, `javascript:`): our pages would show it
 * as text, but exports go to Markdown editors and spreadsheets that may not, and in a backup it is
 * the mark of a hostile file. Page addresses must be http(s) or file: a `javascript:` address
 * would run when the notes page links back to it. The quote and report text are page text and
 * are not checked for markup (a page about HTML quotes tags legitimately).
 */

export type Check = (value: unknown, path: string, errors: string[]) => void;

/** Largest number of errors listed; the rest are counted. */
export const MAX_ERRORS = 50;

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

const CONTROLS = new RegExp(CONTROL.source, 'g');

/**
 * `value` with every C0 control character (but tab, line feed, carriage return) in its strings
 * replaced by a space, at any depth; other values as they are. Objects are copied only when one
 * of their strings changes.
 */
export function withoutControls<T>(value: T, depth = 0): T {
  if (typeof value === 'string') return (CONTROL.test(value) ? value.replace(CONTROLS, ' ') : value) as T;
  if (typeof value !== 'object' || value === null || depth > 32) return value;
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((v) => {
      const c = withoutControls(v, depth + 1);
      changed ||= c !== v;
      return c;
    });
    return (changed ? out : value) as T;
  }
  let out: Record<string, unknown> | null = null;
  for (const [k, v] of Object.entries(value)) {
    const c = withoutControls(v, depth + 1);
    if (c !== v) (out ??= { ...(value as Record<string, unknown>) })[k] = c;
  }
  return (out ?? value) as T;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

export function text(maxLength: number): Check {
  return (value, path, errors) => {
    if (typeof value !== 'string') {
      errors.push(`${path}: expected a string, got ${typeName(value)}`);
      return;
    }
    if (value.length > maxLength) errors.push(`${path}: too long (${value.length} characters, at most ${maxLength})`);
    const bad = CONTROL.exec(value);
    if (bad) {
      const code = bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
      errors.push(`${path}: contains a control character (U+${code}) at ${bad.index}`);
    }
  };
}

/** Script in text: a script tag, an event handler attribute inside a tag, a javascript: URL. */
export const SCRIPT_MARKUP = /<\s*\/?\s*script\b|<[a-z][^>]*\son[a-z]+\s*=|javascript\s*:/i;

/** Text the reader writes: `text` plus no script markup. */
export function plainText(maxLength: number): Check {
  const base = text(maxLength);
  return (value, path, errors) => {
    const before = errors.length;
    base(value, path, errors);
    if (errors.length > before || typeof value !== 'string') return;
    const m = SCRIPT_MARKUP.exec(value);
    if (m) errors.push(`${path}: contains script markup (${JSON.stringify(m[0].slice(0, 20))} at ${m.index}); notes hold plain text only`);
  };
}

/** A page address: http(s) or file only. */
export function address(maxLength: number): Check {
  const base = text(maxLength);
  return (value, path, errors) => {
    const before = errors.length;
    base(value, path, errors);
    if (errors.length > before || typeof value !== 'string') return;
    if (!/^(https?|file):\/\//i.test(value)) errors.push(`${path}: expected an http(s) or file address, got ${JSON.stringify(value.slice(0, 40))}`);
  };
}

export const finiteNumber: Check = (value, path, errors) => {
  if (typeof value !== 'number' || !Number.isFinite(value)) errors.push(`${path}: expected a number, got ${typeName(value)}`);
};

export const integer: Check = (value, path, errors) => {
  if (typeof value !== 'number' || !Number.isInteger(value)) errors.push(`${path}: expected a whole number, got ${typeName(value)}`);
};

export const nonNegativeInteger: Check = (value, path, errors) => {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    errors.push(`${path}: expected a whole number ≥ 0, got ${typeof value === 'number' ? value : typeName(value)}`);
  }
};

export const boolean: Check = (value, path, errors) => {
  if (typeof value !== 'boolean') errors.push(`${path}: expected true or false, got ${typeName(value)}`);
};

export function nullable(check: Check): Check {
  return shaped(
    (value, path, errors) => {
      if (value !== null) check(value, path, errors);
    },
    { inner: check },
  );
}

export function oneOf(...allowed: Array<string | null>): Check {
  return (value, path, errors) => {
    if (!allowed.includes(value as string | null)) {
      errors.push(`${path}: expected one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}, got ${JSON.stringify(value) ?? typeName(value)}`);
    }
  };
}

export function arrayOf(check: Check, maxItems: number): Check {
  return shaped(
    (value, path, errors) => {
      if (!Array.isArray(value)) {
        errors.push(`${path}: expected an array, got ${typeName(value)}`);
        return;
      }
      if (value.length > maxItems) {
        errors.push(`${path}: too many items (${value.length}, at most ${maxItems})`);
        return;
      }
      for (let i = 0; i < value.length && errors.length < MAX_ERRORS * 2; i++) check(value[i], `${path}[${i}]`, errors);
    },
    { item: check },
  );
}

/** What a check accepts, kept on the check so `rebuild` can copy exactly the declared parts. */
interface Shape {
  fields?: { required: Record<string, Check>; optional: Record<string, Check> };
  item?: Check;
  inner?: Check;
  variants?: Record<string, Check>;
}
const shapes = new WeakMap<Check, Shape>();
function shaped(check: Check, shape: Shape): Check {
  shapes.set(check, shape);
  return check;
}

const own = (obj: object, key: string) => Object.hasOwn(obj, key);

/**
 * An object with exactly these fields: `required` must be present, `optional` may be; others are
 * errors. Only the object's own fields count ("constructor" or "__proto__" in a file is a field
 * like any other, and unexpected), never names it inherits.
 */
export function record(required: Record<string, Check>, optional: Record<string, Check> = {}): Check {
  const check: Check = (value, path, errors) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      errors.push(`${path}: expected an object, got ${typeName(value)}`);
      return;
    }
    const obj = value as Record<string, unknown>;
    for (const [key, check] of Object.entries(required)) {
      if (!own(obj, key)) errors.push(`${path}.${key}: missing`);
      else check(obj[key], `${path}.${key}`, errors);
    }
    for (const key of Object.keys(obj)) {
      if (own(required, key)) continue;
      if (own(optional, key)) {
        if (obj[key] !== undefined) optional[key](obj[key], `${path}.${key}`, errors);
      } else errors.push(`${path}.${key}: unexpected field`);
    }
  };
  return shaped(check, { fields: { required, optional } });
}

/**
 * A fresh copy of a value that passed `check`, built from the declared fields only: what is
 * stored is what the checks read, never the object as it arrived (no prototype, no extra keys).
 */
export function rebuild<T>(check: Check, value: unknown): T {
  const shape = shapes.get(check);
  if (value === null || typeof value !== 'object' || !shape) return value as T;
  if (shape.inner) return rebuild(shape.inner, value);
  if (shape.item && Array.isArray(value)) return value.map((v) => rebuild(shape.item!, v)) as T;
  if (shape.variants) {
    const type = (value as { type?: unknown }).type;
    return typeof type === 'string' && own(shape.variants, type) ? rebuild(shape.variants[type], value) : (value as T);
  }
  if (!shape.fields) return value as T;
  const obj = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of [...Object.entries(shape.fields.required), ...Object.entries(shape.fields.optional)]) {
    if (own(obj, key) && obj[key] !== undefined) out[key] = rebuild(inner, obj[key]);
  }
  return out as T;
}

/** Chooses a record check by the value of a `type` field. */
export function byType(variants: Record<string, Check>): Check {
  return shaped(
    (value, path, errors) => {
      const type = (value as { type?: unknown } | null)?.type;
      if (typeof value !== 'object' || value === null || typeof type !== 'string' || !own(variants, type)) {
        errors.push(
          `${path}.type: expected one of ${Object.keys(variants)
            .map((k) => JSON.stringify(k))
            .join(', ')}`,
        );
        return;
      }
      variants[type](value, path, errors);
    },
    { variants },
  );
}

/** Runs a check and returns its errors, the list capped at MAX_ERRORS with a count of the rest. */
export function checkValue(check: Check, value: unknown, path: string): string[] {
  const errors: string[] = [];
  check(value, path, errors);
  if (errors.length > MAX_ERRORS) {
    const more = errors.length - MAX_ERRORS;
    return [...errors.slice(0, MAX_ERRORS), `… and ${more} more`];
  }
  return errors;
}

// ---------------------------------------------------------------- shared shapes

export const LIMITS = {
  id: 200,
  url: 8192,
  title: 2000,
  quote: 20_000,
  body: 100_000,
  tag: 100,
  tags: 100,
  selectors: 10,
  context: 200,
} as const;

export const selectorCheck: Check = byType({
  TextQuoteSelector: record({ type: text(40), exact: text(LIMITS.quote) }, { prefix: text(LIMITS.context), suffix: text(LIMITS.context) }),
  TextPositionSelector: record({ type: text(40), start: nonNegativeInteger, end: nonNegativeInteger }),
});

export const noteRowCheck: Check = record({
  id: text(LIMITS.id),
  url: address(LIMITS.url),
  pageTitle: text(LIMITS.title),
  reportId: nullable(text(LIMITS.id)),
  figureId: nullable(text(LIMITS.id)),
  selectors: arrayOf(selectorCheck, LIMITS.selectors),
  quote: text(LIMITS.quote),
  body: plainText(LIMITS.body),
  tags: arrayOf(plainText(LIMITS.tag), LIMITS.tags),
  color: nullable(text(40)),
  created: finiteNumber,
  updated: finiteNumber,
  detached: boolean,
});
