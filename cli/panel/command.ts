/** `panel` and `pack`: their arguments parsed, the command run, the errors in one line each. */
import type { CliIO } from '../main';
import { USAGE } from '../args';
import { parseCollectionArgs, type CollectionCommand } from './args';
import { runPanel } from './index';
import { runPack } from './pack';

export async function runCollection(command: CollectionCommand, argv: string[], io: CliIO): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(USAGE);
    return 0;
  }
  const args = parseCollectionArgs(command, argv);
  try {
    return command === 'panel' ? await runPanel(args, io) : await runPack(args, io);
  } catch (err) {
    io.stderr(`zhibiao: ${command} failed: ${((err as Error)?.message ?? String(err)).split('\n')[0]}\n`);
    return 1;
  }
}
