// SARIF rule descriptors, from the findings catalogue: what each code means, its default level,
// what to do, and a link to its entry in docs/findings.md.
import { catalogueEntry, findingDocLink } from '../findings/catalogue.js';
import type { ReportContext } from './types.js';

/**
 * SARIF wants an absolute helpUri. The docs ship inside the npm package, so the page of the exact
 * version that wrote the report is always there to link to.
 */
export function docsUrl(code: string, version: string): string {
  return `https://unpkg.com/equity-impact-statements@${encodeURIComponent(version)}/${findingDocLink(code)}`;
}

export function sarifRule(id: string, ctx: Pick<ReportContext, 'ruleHelp' | 'version'>) {
  const entry = catalogueEntry(id);
  const name = id.replace(/[^a-zA-Z0-9]+(.)?/g, (_m, ch: string | undefined) => (ch ? ch.toUpperCase() : ''));
  // A description of this very code (a glossary term's `why`) says more than its family's.
  const shortDescription = { text: ctx.ruleHelp?.[id] ?? entry?.title ?? `eis finding ${id}.` };
  if (!entry) return { id, name, shortDescription };
  const helpUri = docsUrl(id, ctx.version);
  return {
    id,
    name,
    shortDescription,
    fullDescription: { text: entry.when },
    help: { text: entry.fix, markdown: `${entry.fix}\n\n[More about \`${id}\`](${helpUri})` },
    helpUri,
    // Where the level depends on the case (a required question or an optional one, a glossary
    // entry's kind), there is no one default to give; each result carries its own level.
    ...(entry.severityVaries ? {} : { defaultConfiguration: { level: entry.severity } }),
  };
}
