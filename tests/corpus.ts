/**
 * Where the real-report corpus is: the folder `ZHIBIAO_CORPUS` names, else `shared/corpus`
 * beside the project. Tests and benchmarks that need it skip themselves when it is absent; the
 * extension and the CLI never read it.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = resolve(fileURLToPath(import.meta.url), '../..');

export const CORPUS_DIR = process.env.ZHIBIAO_CORPUS ? resolve(process.env.ZHIBIAO_CORPUS) : resolve(projectRoot, '../shared/corpus');
