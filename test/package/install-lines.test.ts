// Every install line a user may copy (the README, the docs, what eis init writes) names this
// package at its exact version: never the unrelated npm package `eis`, never a range.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT, eis, tempTree } from '../helpers/cli.js';
import { MANIFEST } from '../helpers/package.js';

const DOCS = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

function installLines(text: string): string[] {
  return text.split('\n').filter((line) => /\bnpm (install|i) (--global|-g)\b|\bnpx (--package|-p)\b/.test(line));
}

describe('install lines', () => {
  it.each(DOCS)('%s names the package at its exact version', (file) => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    for (const line of installLines(text)) expect(line).toContain(`${MANIFEST.name}@${MANIFEST.version}`);
    expect(text).not.toMatch(/npm (install|i) (--global |-g )?eis\b/);
    for (const pinned of text.matchAll(new RegExp(`${MANIFEST.name}@([^\\s\`"']+)`, 'g'))) expect(pinned[1]).toBe(MANIFEST.version);
    // The docs' example workflows pin eis through the action's version input.
    for (const version of text.matchAll(/^\s+version: "([^"]+)"/gm)) expect(version[1]).toBe(MANIFEST.version);
  });

  it('the docs show at least one install line, and one outside a clone', () => {
    const all = DOCS.map((f) => readFileSync(join(ROOT, f), 'utf8')).join('\n');
    expect(installLines(all).some((l) => l.includes(`npm install --global ${MANIFEST.name}@${MANIFEST.version}`))).toBe(true);
    expect(all).toContain(`npx --package ${MANIFEST.name}@${MANIFEST.version} eis`);
  });

  it('the workflow eis init writes pins the version of the eis that wrote it', () => {
    const { dir, cleanup } = tempTree({});
    try {
      expect(eis(['init'], { cwd: dir }).code).toBe(0);
      const workflow = readFileSync(join(dir, '.github/workflows/eis.yml'), 'utf8');
      expect(workflow).toContain(`version: "${MANIFEST.version}"`);
      expect(installLines(workflow)).toEqual([]);
      // docs/ci.md shows it, as data (without its comments).
      const ci = readFileSync(join(ROOT, 'docs/ci.md'), 'utf8');
      const shown = /^## The GitHub Action\n[\s\S]*?```yaml\n([\s\S]*?)```/m.exec(ci)?.[1];
      expect(parse(shown ?? '')).toEqual(parse(workflow));
    } finally {
      cleanup();
    }
  });
});
