#!/usr/bin/env node
/**
 * `npm run lint:firefox`: Mozilla's add-on linter (web-ext lint) on the Firefox build, failing on
 * any error and on any warning of the project's own.
 *
 * The linter reads bundled files, so it also reports what the libraries inside them do. Each such
 * finding is named below by its library and a phrase of that library's code near the reported
 * column; a warning no entry explains is the project's, and fails the run.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import webExt from 'web-ext';

const dir = resolve(process.argv[2] ?? '.output/firefox-mv2');

/** Findings that come from libraries we bundle, with why they are there. */
const LIBRARY_FINDINGS = [
  // Readability re-parses the article while it scores candidates ("e.innerHTML=r", "o.innerHTML=s.innerHTML").
  { library: '@mozilla/readability', code: 'UNSAFE_VAR_ASSIGNMENT', near: /_attempts|_isSingleImage|_charThreshold/ },
  // linkedom (the background's DOM for Readability) implements innerHTML and outerHTML on its own
  // elements by parsing into a scratch element ('createElement("")'); no browser DOM is touched.
  { library: 'linkedom', code: 'UNSAFE_VAR_ASSIGNMENT', near: /createElement\(""\)/ },
  // Preact's support for dangerouslySetInnerHTML ("t.innerHTML=c.__html"); no component of ours uses it.
  { library: 'preact', code: 'UNSAFE_VAR_ASSIGNMENT', near: /__html/ },
  // underscore (mammoth's dependency): the global lookup `Function("return this")` and _.template.
  { library: 'underscore (via mammoth)', code: 'DANGEROUS_EVAL', near: /Function\("return this"\)|new Function\(\w+,"_",/ },
  // The setImmediate polyfill (via mammoth's jszip) accepts a string callback.
  { library: 'setimmediate (via mammoth)', code: 'DANGEROUS_EVAL', near: /setImmediate/ },
  // pdf.js tests whether eval is allowed, compiles PostScript functions, and imports its worker and decoders.
  { library: 'pdfjs-dist', code: 'DANGEROUS_EVAL', near: /isEvalSupported|PostScriptCompiler|new Function\(""\)/ },
  { library: 'pdfjs-dist', code: 'UNSAFE_VAR_ASSIGNMENT', near: /workerSrc|openjpeg/ },
];

/** Characters read on each side of a finding's column to recognise its library. */
const CONTEXT = 400;

// web-ext's own API: the findings come back as objects and nothing is printed or exits.
const report = await webExt.cmd.lint({ sourceDir: dir, output: 'none' }, { shouldExitProgram: false });

function libraryOf(finding) {
  if (!finding.file || !finding.line) return null;
  let text;
  try {
    text = readFileSync(join(dir, finding.file), 'utf8').split('\n')[finding.line - 1] ?? '';
  } catch {
    return null;
  }
  const column = finding.column ?? 0;
  const around = text.slice(Math.max(0, column - CONTEXT), column + CONTEXT);
  return LIBRARY_FINDINGS.find((l) => l.code === finding.code && l.near.test(around))?.library ?? null;
}

const own = [...report.errors];
const byLibrary = new Map();
for (const finding of [...report.warnings, ...report.notices]) {
  const library = libraryOf(finding);
  if (library) byLibrary.set(library, (byLibrary.get(library) ?? 0) + 1);
  else if (report.warnings.includes(finding)) own.push(finding);
}

const libraries = [...byLibrary].map(([name, n]) => `${name} ${n}`).join(', ');
console.log(
  `web-ext lint: ${report.summary.errors} errors, ${report.summary.warnings} warnings, ${report.summary.notices} notices; ` +
    `in bundled libraries: ${libraries || 'none'}; the project's own: ${own.length}`,
);
for (const f of own) console.log(`  ${f.code} ${f.file ?? ''}${f.line ? `:${f.line}` : ''} ${f.message}`);
process.exit(own.length ? 1 : 0);
