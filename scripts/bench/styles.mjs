// A seeded generator of statements as people and editors write them, for the benchmark: built from
// the shipped examples and the test fixtures that are plain statements, with their content varied
// so files differ, then re-written in one style or another (folded and literal blocks at several
// widths, quoted strings, long plain lines, flow lists, comments, CRLF, a BOM, `x-` keys), and about
// half of them made drafts with findings. Every style but "draft" keeps the data: see
// test/property/bench-styles.scale.test.ts.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import jsYaml from 'js-yaml';
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, visit } from 'yaml';
import { random } from './generate.mjs';

export { random };

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const pick = (rand, list) => list[Math.floor(rand() * list.length)];
const chance = (rand, p) => rand() < p;

// ---------------------------------------------------------------------------------------------
// Sources

/** Line endings and a BOM are styles of their own: sources are read without them. */
const normalise = (text) => text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');

/**
 * Whether a file is a plain statement of the built-in questionnaire: one YAML document, read to the
 * same data by both parsers, a mapping naming equity-impact@1, with no tags, anchors, aliases or
 * prototype keys (the hostile fixtures test those; they are not how people write statements).
 */
function plainStatement(text) {
  const doc = parseDocument(text);
  if (doc.errors.length || doc.warnings.length || doc.directives.docStart || !isMap(doc.contents)) return false;
  let plain = true;
  visit(doc, (key, node) => {
    if (isAlias(node) || node?.anchor || node?.tag) plain = false;
    if (isScalar(node) && key === 'key' && ['__proto__', 'constructor', 'prototype'].includes(String(node.value))) plain = false;
  });
  if (!plain) return false;
  let same = false;
  try {
    same = JSON.stringify(jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA })) === JSON.stringify(doc.toJS());
  } catch {
    return false;
  }
  return same && doc.get('questionnaire') === 'equity-impact@1';
}

/** The text of a file, or undefined when it is not UTF-8. */
function utf8(bytes) {
  try {
    return normalise(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return undefined;
  }
}

function filesUnder(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(path));
    else if (entry.name.endsWith('.eis.yaml')) out.push(path);
  }
  return out;
}

let cachedSources;
/**
 * The statements the corpus is made from, each with its weight in the mix: the shipped examples
 * make nine tenths of it (they are what statements look like), the fixtures one tenth.
 */
export function sources() {
  if (cachedSources) return cachedSources;
  const read = (files) =>
    files
      .map((file) => ({ name: relative(root, file), text: utf8(readFileSync(file)) }))
      .filter((s) => s.text !== undefined && !s.text.includes('\0') && plainStatement(s.text))
      .map((s) => ({ ...s, doc: parseDocument(s.text) }));
  const examples = read(filesUnder(join(root, 'examples')));
  const fixtures = read(filesUnder(join(root, 'test', 'fixtures')));
  cachedSources = [...examples.map((s) => ({ ...s, weight: 0.9 / examples.length })), ...fixtures.map((s) => ({ ...s, weight: (fixtures.length ? 0.1 : 0) / fixtures.length }))];
  return cachedSources;
}

function pickSource(rand) {
  let r = rand();
  const all = sources();
  for (const s of all) {
    r -= s.weight;
    if (r < 0) return s;
  }
  return all[all.length - 1];
}

// ---------------------------------------------------------------------------------------------
// Content: what makes one file differ from the next, before any style

const places = ['Los Angeles', 'Fresno', 'Humboldt', 'Kern', 'Alameda', 'Tulare', 'Shasta', 'Imperial', 'Riverside', 'Sonoma', 'San José', 'Siskiyou'];
const authors = [
  'Dana Ruiz, Policy Analyst',
  'Sam Okafor, Product Owner',
  'Priya Natarajan, Program Manager',
  'Luis Herrera, Analyst',
  'Kim Tran, Deputy Director',
  'José Álvarez, Equity Lead',
  'Ana Souza, Research Unit',
  'Nguyễn Thị Lan, Language Access',
];
// Sentences people add: apostrophes, quotes, colons, dashes and letters beyond ASCII, so the
// quoted and plain styles meet what they must escape or cannot write plain.
const sentences = [
  'We will revisit this after the first quarter.',
  "The county's family resource center agreed to host a follow-up session.",
  'Staff said: "ask first, then send" is the rule they want kept.',
  'Figures come from the 2025 case data — the latest we have.',
  'Parents in the pilot counties asked for the same option on the website.',
  'This follows the advice of the Office of Equity; see the March memo.',
  'Results will be reported by language, region and age, and by county where counts allow.',
  'Advocates asked that nothing in a message reveal a case number or an amount owed.',
  'Numbers under 11 are suppressed # as the data policy requires.',
  'The team will check the translations with native speakers before launch – not after.',
  'It is the agency\'s first pilot of this kind; the "lessons learned" note will follow.',
  'Parents told us that a reminder the day before is too late for many of them.',
];

/** Answers written as sentences (not titles, names, choices, dates or hashes). */
const isProse = (v) => typeof v === 'string' && v.length > 30 && (v.match(/ /g) ?? []).length >= 4 && /\.$/.test(v);

/** String value scalars, with the key each one answers. */
function valueScalars(doc) {
  const out = [];
  visit(doc, {
    Scalar(key, node, path) {
      if (key === 'key' || typeof node.value !== 'string') return;
      const parent = path[path.length - 1];
      out.push({ node, key: isPair(parent) && isScalar(parent.key) ? String(parent.key.value) : undefined });
    },
  });
  return out;
}

/** Varies a source's content: a new title and author, renamed ids, sentences added, paragraphs. */
function vary(doc, rand, index) {
  const place = pick(rand, places);
  const title = doc.getIn(['initiative', 'title']);
  if (typeof title === 'string') doc.setIn(['initiative', 'title'], `${title} (${place} ${index})`);
  if (doc.hasIn(['initiative', 'author'])) doc.setIn(['initiative', 'author'], pick(rand, authors));
  // Ids get a suffix, and so does every answer that names one (the lists of populations an action covers, a data gap).
  const suffix = `-${2 + Math.floor(rand() * 98)}`;
  const ids = new Map();
  for (const { node, key } of valueScalars(doc)) if (key === 'id') ids.set(node.value, `${node.value}${suffix}`);
  const scalars = valueScalars(doc);
  for (const { node } of scalars) if (ids.has(node.value)) node.value = ids.get(node.value);
  const prose = scalars.filter(({ node }) => isProse(node.value));
  if (!prose.length) return doc;
  // A sentence or two more in some answers: answers grow past 200 characters, files differ in size.
  const added = Math.floor(rand() * 5);
  for (let i = 0; i < added; i++) {
    const { node } = pick(rand, prose);
    node.value = `${node.value.replace(/\s+$/, '')} ${pick(rand, sentences)}`;
  }
  // Two paragraphs in one answer; an indented list in another (more-indented lines in a folded block).
  if (chance(rand, 0.3)) {
    const { node } = pick(rand, prose);
    const at = node.value.indexOf('. ');
    if (at > 0 && !node.value.includes('\n')) node.value = `${node.value.slice(0, at + 1)}\n\n${node.value.slice(at + 2)}`;
  }
  if (chance(rand, 0.3)) {
    const { node } = pick(rand, prose);
    if (!node.value.includes('\n')) node.value = `${node.value} In short:\n  - parents choose;\n  - nothing else changes.`;
  }
  return doc;
}

// ---------------------------------------------------------------------------------------------
// Styles. Each is { edit(doc, rand), options(rand), text(text, rand) }, all optional: edits act on
// the YAML document, options go to its toString, text acts on the written text. Composed, a file
// is parsed once and written once.

/** Sets the type of string values (not keys) that `which` selects. */
function typeStrings(doc, type, which = () => true) {
  visit(doc, {
    Scalar(key, node) {
      if (key !== 'key' && typeof node.value === 'string' && which(node.value)) node.type = type;
    },
  });
}

/** About how long a mapping of scalars (and lists of them) is on one line; Infinity if it cannot be. */
function oneLine(map) {
  let n = 4;
  for (const p of map.items) {
    const values = isSeq(p.value) ? p.value.items : [p.value];
    if (!values.every((v) => isScalar(v) && !String(v.value).includes('\n'))) return Infinity;
    n += String(p.key).length + 4 + values.reduce((sum, v) => sum + String(v.value).length + 2, 0);
  }
  return n;
}

/** Words, not an id, a date, a hash or a choice: what people put in blocks. */
const isText = (v) => typeof v === 'string' && / \S+ /.test(v);

const folded = (width) => ({
  // Most blocks strip the final line break (`>-`); about a third keep one (`>`), as editors write.
  edit(doc, rand) {
    visit(doc, {
      Scalar(key, node) {
        if (key === 'key' || !isText(node.value) || (node.value.length < width * 0.6 && !node.value.includes('\n'))) return;
        node.type = 'BLOCK_FOLDED';
        if (chance(rand, 0.33)) node.value = `${node.value}\n`;
      },
    });
  },
  options: () => ({ lineWidth: width, minContentWidth: 20, blockQuote: 'folded' }),
});

/** The styles, by name. */
const specs = {
  /** The source's own layout, content varied. */
  'as-written': {},
  'folded-40': folded(40),
  'folded-60': folded(60),
  'folded-80': folded(80),
  'folded-100': folded(100),
  /** Literal blocks (`|-`, some `|`) for every answer longer than a line or over several. */
  literal: {
    edit(doc, rand) {
      visit(doc, {
        Scalar(key, node) {
          if (key === 'key' || !isText(node.value) || (node.value.length < 50 && !node.value.includes('\n'))) return;
          node.type = 'BLOCK_LITERAL';
          if (chance(rand, 0.33)) node.value = `${node.value}\n`;
        },
      });
    },
    options: () => ({ lineWidth: 0, blockQuote: 'literal' }),
  },
  /** Every string single-quoted; long ones go on over several lines. */
  'single-quoted': {
    edit: (doc) => typeStrings(doc, 'QUOTE_SINGLE'),
    options: (rand) => ({ lineWidth: pick(rand, [60, 80, 100]), singleQuote: true }),
  },
  /** Every string double-quoted, most broken across lines, letters beyond ASCII written as escapes. */
  'double-quoted': {
    edit: (doc) => typeStrings(doc, 'QUOTE_DOUBLE'),
    // A third of the files as JSON writes strings: on one line, line breaks as `\n`.
    options: (rand) => ({ lineWidth: pick(rand, [60, 80, 100]), doubleQuotedMinMultiLineLength: 30, doubleQuotedAsJSON: chance(rand, 0.33) }),
    // Only double-quoted scalars hold such letters here (keys and comments are ASCII).
    text: (text) => text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
  },
  /** Every answer on one line, however long (plain where YAML allows it). */
  'long-lines': {
    edit: (doc) => typeStrings(doc, 'PLAIN'),
    options: () => ({ lineWidth: 0 }),
  },
  /** Plain scalars that go on over several lines. */
  'plain-multiline': {
    edit: (doc) => typeStrings(doc, 'PLAIN'),
    options: (rand) => ({ lineWidth: pick(rand, [50, 60, 72]), minContentWidth: 20 }),
  },
  /** Lists of words in brackets, and list entries of short answers as `{ key: value }` mappings. */
  'flow-lists': {
    edit(doc, rand) {
      visit(doc, {
        Seq(_, seq) {
          if (seq.items.every((i) => isScalar(i))) {
            seq.flow = true;
            return;
          }
          // Short entries on one line; some long ones too, which go over several lines as Prettier writes them.
          for (const item of seq.items) if (isMap(item) && oneLine(item) < Infinity && (oneLine(item) <= 110 || chance(rand, 0.3))) item.flow = true;
        },
      });
    },
    options: (rand) => ({ flowCollectionPadding: chance(rand, 0.5), lineWidth: 120 }),
  },
  /** Every list as block entries, dashes indented or not. */
  'block-lists': {
    edit(doc) {
      visit(doc, {
        Seq(_, seq) {
          seq.flow = false;
        },
        Map(_, map) {
          map.flow = false;
        },
      });
    },
    options: (rand) => ({ indentSeq: chance(rand, 0.5) }),
  },
  /** Comments above sections and beside answers, blank lines between sections. */
  comments: {
    edit(doc, rand) {
      if (!isMap(doc.contents)) return;
      for (const pair of doc.contents.items) {
        if (!isScalar(pair.key)) continue;
        if (isMap(pair.value)) {
          pair.key.commentBefore = ` ${String(pair.key.value).replace(/_/g, ' ')} ${pick(rand, ['section', 'answers', '(see the guidance)', '- reviewed'])}`;
          pair.key.spaceBefore = true;
        }
      }
      visit(doc, {
        Pair(_, pair) {
          if (!isScalar(pair.value) || !isScalar(pair.key)) return;
          const r = rand();
          if (r < 0.12) pair.value.comment = ` ${pick(rand, ['checked with the team', 'TODO: confirm', 'from the 2025 data', 'see the memo', 'as agreed'])}`;
          else if (r < 0.18) pair.key.commentBefore = ` ${pick(rand, ['Asked by the equity office.', 'Update before review.', 'Kept short on purpose.'])}`;
        },
      });
    },
  },
  /** Notes of the team's own under `x-` keys, at the top and inside sections. */
  'x-keys': {
    edit(doc, rand) {
      if (!isMap(doc.contents)) return;
      doc.set('x-tracking', doc.createNode({ ticket: `EQ-${1000 + Math.floor(rand() * 9000)}`, board: pick(rand, ['Equity', 'Policy', 'Operations']) }));
      for (const section of ['initiative', 'analysis', 'monitoring'])
        if (isMap(doc.get(section, true)) && chance(rand, 0.6)) doc.setIn([section, 'x-note'], pick(rand, ['Check with legal.', 'Numbers to refresh in June.', 'Owner on leave until May.']));
      const groups = doc.getIn(['populations', 'groups'], true);
      if (isSeq(groups) && isMap(groups.items[0])) groups.items[0].set('x-source', 'listening session notes');
    },
  },
  crlf: { text: (text) => text.replace(/\n/g, '\r\n') },
  bom: { text: (text) => `\uFEFF${text}` },
  /** A draft with findings: the status set back, required answers taken out, an unknown key, a wrong choice. */
  draft: {
    draft: true,
    edit(doc, rand) {
      if (doc.hasIn(['initiative', 'status'])) doc.setIn(['initiative', 'status'], 'draft');
      const required = [
        ['proposal', 'desired_results'],
        ['proposal', 'problem'],
        ['analysis', 'burdens'],
        ['analysis', 'root_causes'],
        ['access', 'language_access'],
        ['mitigation', 'justification'],
        ['monitoring', 'review_date'],
        ['initiative', 'division'],
        ['initiative', 'kind'],
        ['screening', 'staff_discretion'],
      ].filter((p) => doc.hasIn(p));
      const removable = required.length;
      const remove = 1 + Math.floor(rand() * 3);
      for (let i = 0; i < remove && required.length; i++) doc.deleteIn(required.splice(Math.floor(rand() * required.length), 1)[0]);
      // An unknown key in some drafts, and in every draft that has nothing left to take out.
      if (chance(rand, 0.6) || !removable) {
        const section = pick(rand, ['initiative', 'analysis', 'access']);
        if (isMap(doc.get(section, true))) doc.setIn([section, pick(rand, ['owner_team', 'risk_notes', 'budgett'])], 'To be written.');
        else doc.set('notes', 'To be written.');
      }
      if (chance(rand, 0.6)) {
        const wrong = [
          [['initiative', 'kind'], 'pilot-programme'],
          [['screening', 'known_disparities'], 'maybe'],
          [['analysis', 'worsens_disparity'], 'not sure'],
          [['populations', 'groups', 0, 'direction'], 'mixed'],
        ].filter(([p]) => doc.hasIn(p));
        if (wrong.length) doc.setIn(...pick(rand, wrong));
      }
    },
  },
};

/** Styles that decide the layout of a whole file: one of them per file in the mix. */
export const LAYOUTS = ['as-written', 'folded-40', 'folded-60', 'folded-80', 'folded-100', 'literal', 'single-quoted', 'double-quoted', 'long-lines', 'plain-multiline', 'flow-lists', 'block-lists'];
/** Every style, each with a row of its own in the benchmark. */
export const STYLES = Object.keys(specs);

// ---------------------------------------------------------------------------------------------
// Sign-offs: a signed-off statement stays approved when its content varies, as if signed again.

/** The canonical answers eis hashes for an approval (src/core/review/approval.ts, for equity-impact@1). */
function answersHash(data) {
  const skip = new Set(['signoff.reviewers', 'initiative.status', 'initiative.memos']);
  const sorted = (value, key) => {
    if (Array.isArray(value)) return value.map((v) => sorted(v, key));
    if (!value || typeof value !== 'object') return value;
    const out = {};
    for (const k of Object.keys(value).sort()) {
      const path = key ? `${key}.${k}` : k;
      if (skip.has(path) || k.startsWith('x-')) continue;
      out[k] = sorted(value[k], path);
    }
    return out;
  };
  return `sha256:${createHash('sha256')
    .update(JSON.stringify(sorted(data, '')))
    .digest('hex')}`;
}

function signAgain(doc) {
  const reviewers = doc.getIn(['signoff', 'reviewers'], true);
  if (!isSeq(reviewers)) return;
  const hash = answersHash(doc.toJS());
  for (const r of reviewers.items) if (isMap(r) && r.has('answers_hash')) r.set('answers_hash', hash);
}

// ---------------------------------------------------------------------------------------------
// Writing

/** Applies styles, by name, to a document and writes it. */
function write(doc, names, rand) {
  const chosen = names.map((n) => specs[n]);
  for (const s of chosen) s.edit?.(doc, rand);
  if (!chosen.some((s) => s.draft)) signAgain(doc);
  let text = doc.toString(Object.assign({ lineWidth: 100 }, ...chosen.map((s) => s.options?.(rand) ?? {})));
  for (const s of chosen) if (s.text) text = s.text(text, rand);
  return text;
}

/** Each style as a function text -> text (the seed picks widths, comments and the like). */
export const styles = Object.fromEntries(STYLES.map((name) => [name, (text, seed = 1) => write(parseDocument(normalise(text)), [name], random(seed))]));

/** Statement `index` of a corpus: its content depends on the seed and the index alone, its style on the style too. */
const fileSeed = (seed, index) => (Math.imul(seed, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0;

/**
 * One statement of the corpus: its text, the styles applied, whether it is a draft, its source, and
 * with `withBase` the text it was made from (the source with its content varied, in the source's
 * layout). Statement `index` of a seed has the same content in every style, so rows of one style
 * each compare styles alone. `style` is a style's name, or "mixed": a layout, then sometimes
 * comments, `x-` keys, CRLF or a BOM, and half of the time a draft.
 */
export function styledStatement(seed, index, style = 'mixed', withBase = false) {
  const rand = random(fileSeed(seed, index));
  const source = pickSource(rand);
  const doc = vary(source.doc.clone(), rand, index);
  let base;
  if (withBase) {
    signAgain(doc);
    base = doc.toString({ lineWidth: 100 });
  }
  const styleRand = random(fileSeed(seed + 1, index));
  let names;
  if (style === 'mixed') {
    names = [];
    if (chance(styleRand, 0.5)) names.push('draft');
    names.push(pick(styleRand, LAYOUTS));
    if (chance(styleRand, 0.25)) names.push('comments');
    if (chance(styleRand, 0.15)) names.push('x-keys');
    if (chance(styleRand, 0.15)) names.push('crlf');
    if (chance(styleRand, 0.05)) names.push('bom');
  } else {
    if (!specs[style]) throw new Error(`no style ${style}; the styles are ${STYLES.join(', ')}`);
    names = [style];
  }
  return { text: write(doc, names, styleRand), styles: names, draft: names.includes('draft'), source: source.name, base };
}

/** Writes `count` statements into `dir` (one style, or "mixed") and returns their paths. */
export function writeStyledCorpus(dir, count, seed, style = 'mixed') {
  mkdirSync(dir, { recursive: true });
  const files = [];
  for (let i = 0; i < count; i++) {
    const file = join(dir, `s${String(i).padStart(5, '0')}.eis.yaml`);
    writeFileSync(file, styledStatement(seed, i, style).text);
    files.push(file);
  }
  return files;
}
