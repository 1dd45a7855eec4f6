// eis render --format docx as users run it: files named by the rule, many into a folder, a pipe,
// never a terminal, a reference document from the flag or the config, and LibreOffice opening
// the result (converted to PDF, whose text holds the statement).
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { BIN, copyExamples, eis } from '../helpers/cli.js';
import { partsOf, textOf } from './docx-support.js';

const tree = copyExamples();
afterAll(() => tree.cleanup());
const cwd = tree.dir;
const STATEMENT = 'memos/text-payment-reminders.eis.yaml';

describe('eis render --format docx', { timeout: 120_000 }, () => {
  it('writes x.eis.docx for each statement into a folder, and lists them', async () => {
    const run = eis(['render', '--format', 'docx', '--out', 'word/', STATEMENT, 'memos/online-application-portal.eis.yaml'], { cwd });
    expect(run).toMatchObject({ code: 0, stderr: '', stdout: 'word/text-payment-reminders.eis.docx\nword/online-application-portal.eis.docx\n' });
    const text = await textOf(readFileSync(join(cwd, 'word', 'text-payment-reminders.eis.docx')));
    expect(text).toContain('Text-message payment reminders');
    // Rendered again, the same bytes: the file is left as it is.
    const before = readFileSync(join(cwd, 'word', 'text-payment-reminders.eis.docx'));
    expect(eis(['render', '--format', 'docx', '--out', 'word/text-payment-reminders.eis.docx', STATEMENT], { cwd }).code).toBe(0);
    expect(readFileSync(join(cwd, 'word', 'text-payment-reminders.eis.docx')).equals(before)).toBe(true);
  });

  it('writes the document into a pipe, byte for byte as into a file', () => {
    const out = spawnSync(process.execPath, [BIN, 'render', '--format', 'docx', STATEMENT], { cwd, env: { ...process.env, EIS_TODAY: '2026-11-23' } });
    expect(out.status).toBe(0);
    expect(out.stdout.equals(readFileSync(join(cwd, 'word', 'text-payment-reminders.eis.docx')))).toBe(true);
  });

  it('refuses a terminal as standard output, with what to do instead', () => {
    const script = spawnSync('script', ['-qec', `${process.execPath} ${BIN} render --format docx ${STATEMENT}`, '/dev/null'], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(script.status).toBe(2);
    expect(script.stdout).toContain('eis: a Word document is binary and cannot be shown in a terminal.');
    expect(script.stdout).toContain('--out FILE.docx');
    expect(script.stdout).not.toContain('PK');
  });

  it('takes the styles of --reference-doc, or of templates.docx in the config, which must stay in the repository', async () => {
    const house = new Document({ styles: { paragraphStyles: [{ id: 'Heading1', name: 'Heading 1', run: { font: 'House Sans Test' } }] }, sections: [{ children: [new Paragraph('x')] }] });
    writeFileSync(join(cwd, 'house.docx'), await Packer.toBuffer(house));
    expect(eis(['render', '--format', 'docx', '--reference-doc', 'house.docx', '--out', 'ref.docx', STATEMENT], { cwd }).code).toBe(0);
    expect(partsOf(readFileSync(join(cwd, 'ref.docx'))).get('word/styles.xml')).toContain('House Sans Test');

    const config = readFileSync(join(cwd, 'eis.config.yaml'), 'utf8');
    writeFileSync(join(cwd, 'eis.config.yaml'), config.includes('templates:') ? config.replace('templates:', 'templates:\n  docx: house.docx') : `${config}\ntemplates:\n  docx: house.docx\n`);
    expect(eis(['render', '--format', 'docx', '--out', 'config.docx', STATEMENT], { cwd })).toMatchObject({ code: 0, stderr: '' });
    expect(partsOf(readFileSync(join(cwd, 'config.docx'))).get('word/styles.xml')).toContain('House Sans Test');

    const outside = join(cwd, '..', `eis-outside-${process.pid}.docx`);
    writeFileSync(outside, await Packer.toBuffer(house));
    writeFileSync(join(cwd, 'eis.config.yaml'), readFileSync(join(cwd, 'eis.config.yaml'), 'utf8').replace('docx: house.docx', `docx: ${outside}`));
    const away = eis(['render', '--format', 'docx', '--out', 'away.docx', STATEMENT], { cwd });
    rmSync(outside);
    expect(away.code).toBe(2);
    expect(away.stderr).toMatch(/"templates\.docx" in the config names .*, which is outside the repository/);

    writeFileSync(join(cwd, 'not.docx'), 'plain text');
    const bad = eis(['render', '--format', 'docx', '--reference-doc', 'not.docx', '--out', 'bad.docx', STATEMENT], { cwd });
    expect(bad).toMatchObject({ code: 2, stdout: '' });
    expect(bad.stderr).toContain('not.docx is not a Word document (.docx): it is not a zip file.');
    expect(existsSync(join(cwd, 'bad.docx'))).toBe(false);

    const md = eis(['render', '--reference-doc', 'house.docx', STATEMENT], { cwd });
    expect(md.code).toBe(2);
    expect(md.stderr).toContain('--reference-doc is for Word output.');
  });

  it('opens in LibreOffice: converted to PDF, it holds the title and the answers', () => {
    const outdir = join(cwd, 'pdf');
    mkdirSync(outdir, { recursive: true });
    const started = performance.now();
    const soffice = spawnSync(
      'soffice',
      [`-env:UserInstallation=file://${join(cwd, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', outdir, join(cwd, 'word', 'text-payment-reminders.eis.docx')],
      { encoding: 'utf8', timeout: 110_000 },
    );
    expect(soffice.status, soffice.stderr).toBe(0);
    const pdf = join(outdir, 'text-payment-reminders.eis.pdf');
    const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    expect(text).toContain('Text-message payment reminders');
    expect(text).toContain('At a glance');
    expect(text).toContain('Mobile numbers are on file for 57% of parents statewide');
    expect(text).toMatch(/Page 1 of \d+/);
    const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
    expect(info).toMatch(/Title:\s+Text-message payment reminders/);
    console.log(`LibreOffice converted the document in ${Math.round(performance.now() - started)} ms`);
  });
});
