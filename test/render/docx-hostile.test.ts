// Hostile answers (the XSS corpus) in a Word document: no active content. No fields but the page
// numbers, no macros, embedded objects or external parts, and no relationship out of the document
// but hyperlinks to http, https and mailto.
import { describe, expect, it } from 'vitest';
import { XMLValidator } from 'fast-xml-parser';
import { builtin } from '../helpers/model.js';
import { example, viewOf } from './helpers.js';
import { CORPUS } from './xss-corpus.js';
import { docxBytes } from '../../src/edge/render/docx-file.js';
import { partsOf, textOf } from './docx-support.js';

async function hostileParts(): Promise<Map<string, string>> {
  const data = structuredClone(example('text-payment-reminders')) as Record<string, Record<string, unknown>>;
  data.initiative!.summary = [...CORPUS, '[fine](https://example.org/ok)'].join('\n\n');
  data.initiative!.title = CORPUS[0];
  return partsOf(await docxBytes(viewOf(builtin(), data), undefined));
}

describe('a hostile statement in Word', () => {
  it('has no fields but page numbers, no macros, and no relationship out of it but safe hyperlinks', async () => {
    const parts = await hostileParts();
    for (const [name, xml] of parts) {
      if (/\.(xml|rels)$/.test(name)) expect(XMLValidator.validate(xml), name).toBe(true);
      expect(name, 'a macro or embedded part').not.toMatch(/vba|macro|activex|embeddings|oleObject|\.bin$/i);
      expect(xml, name).not.toMatch(/<w:fldSimple|<w:object|<w:altChunk|<o:OLEObject|<w:control|<v:imagedata|<w:subDoc|<w:attachedTemplate/);
      for (const [, instruction] of xml.matchAll(/<w:instrText[^>]*>([^<]*)</g)) expect(['PAGE', 'NUMPAGES'], name).toContain(instruction!.trim());
      for (const [rel] of xml.matchAll(/<Relationship [^>]*>/g)) {
        if (!/TargetMode="External"/.test(rel!)) {
          expect(rel, name).toMatch(/Target="(?!\w+:|\/\/)[^"]*"/);
          continue;
        }
        expect(rel, name).toMatch(/Type="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships\/hyperlink"/);
        expect(rel, name).toMatch(/Target="(https?:\/\/|mailto:)[^"]*"/);
      }
    }
    expect(parts.get('[Content_Types].xml')).not.toMatch(/macroEnabled|vbaProject/i);
    // The one safe link is there: the test would pass on a document with no links at all otherwise.
    expect(parts.get('word/_rels/document.xml.rels')).toContain('Target="https://example.org/ok" TargetMode="External"');
  });

  it('shows raw HTML as its text alone: no tags, attributes or script content', async () => {
    const data = structuredClone(example('text-payment-reminders')) as Record<string, Record<string, unknown>>;
    const tags = CORPUS.filter((c) => /^<(img|div|svg|iframe|style|a|form|input|details|p|object|embed|link|meta|base)\b/i.test(c));
    expect(tags.length).toBeGreaterThan(12);
    data.initiative!.summary = [...tags, 'before "><script>alert(1)</script> after'].join('\n\n');
    const text = await textOf(await docxBytes(viewOf(builtin(), data), undefined));
    const summary = text.slice(text.indexOf('Plain-language summary'), text.indexOf('At a glance'));
    expect(summary).toContain('hover');
    expect(summary).toContain('before "> after');
    expect(summary).not.toMatch(/<|onerror|onmouseover|onload|alert|javascript/i);
  });
});
