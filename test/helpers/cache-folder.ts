// Every eis the tests start keeps its check cache in one temporary folder, not the user's
// ~/.cache/eis; the folder goes when the run ends. Tests of the cache itself use folders of their own.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const folder = mkdtempSync(join(tmpdir(), 'eis-test-cache-'));
  process.env.EIS_CACHE_DIR = folder;
  return () => rmSync(folder, { recursive: true, force: true });
}
