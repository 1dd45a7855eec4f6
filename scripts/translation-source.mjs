#!/usr/bin/env node
// The `source` hash of every translatable entry of a questionnaire, as the translation format defines it:
// the first 12 hex characters of the SHA-256 of JSON.stringify(the English text), so a translator can
// fill the `source:` lines and see which entries are missing, stale or left over.
//
//   node scripts/translation-source.mjs <questionnaire.yaml>                    key and hash of every entry
//   node scripts/translation-source.mjs <questionnaire.yaml> <translation.yaml>  missing, stale, extra entries
//   node scripts/translation-source.mjs <questionnaire.yaml> <translation.yaml> --fill
//                                                  also rewrites the translation's `source:` lines in place
//
// Exits 1 when the translation misses an entry, a choice, a value, a help or an example the English has.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';

const [englishPath, translationPath, ...flags] = process.argv.slice(2);
if (!englishPath) {
  console.error('usage: node scripts/translation-source.mjs <questionnaire.yaml> [<translation.yaml> [--fill]]');
  process.exit(2);
}

// Help and rule texts are compared with their line breaks and indentation folded away, so re-wrapping
// the English does not make every translation stale.
const collapse = (text) => String(text).replace(/\s+/g, ' ').trim();
const hash = (english) => createHash('sha256').update(JSON.stringify(english), 'utf8').digest('hex').slice(0, 12);

function fieldText(field) {
  const english = { label: field.label };
  if (field.help !== undefined) english.help = collapse(field.help);
  if (field.example !== undefined) english.example = String(field.example);
  if (field.choices !== undefined) {
    english.choices = field.choices.map((c) => (c.help === undefined ? [c.value, c.label] : [c.value, c.label, collapse(c.help)]));
  }
  return english;
}

/** Every translatable entry, by group (sections, questions, computed, rules) and key, with its English text. */
function entries(questionnaire) {
  const out = { sections: new Map(), questions: new Map(), computed: new Map(), rules: new Map() };
  const addFields = (prefix, fields) => {
    for (const field of fields ?? []) {
      const key = `${prefix}.${field.id}`;
      out.questions.set(key, fieldText(field));
      if (field.fields) addFields(key, field.fields);
    }
  };
  for (const section of questionnaire.sections ?? []) {
    const english = { title: section.title };
    if (section.description !== undefined) english.description = section.description;
    out.sections.set(section.id, english);
    addFields(section.id, section.questions);
  }
  for (const computed of questionnaire.computed ?? []) {
    out.computed.set(computed.id, { label: computed.label, values: computed.values.map((v) => [v.value, v.label]) });
  }
  for (const rule of questionnaire.rules ?? []) {
    const english = { message: collapse(rule.message) };
    if (rule.help !== undefined) english.help = collapse(rule.help);
    out.rules.set(rule.id, english);
  }
  return out;
}

const read = (path) => parse(readFileSync(path, 'utf8'), { version: '1.2', uniqueKeys: true });
const english = entries(read(englishPath));

if (!translationPath) {
  for (const [group, map] of Object.entries(english)) {
    for (const [key, text] of map) console.log(`${group}\t${key}\t${hash(text)}`);
  }
  process.exit(0);
}

if (flags.includes('--fill')) {
  // Line-based, so the translation keeps its comments and layout: a group at column 0, an entry key at
  // column 2, its `source:` line at column 4.
  const lines = readFileSync(translationPath, 'utf8').split('\n');
  let group;
  let key;
  let filled = 0;
  for (let i = 0; i < lines.length; i++) {
    const top = /^([a-z]+):/.exec(lines[i]);
    if (top) group = top[1];
    const entryKey = /^ {2}([A-Za-z0-9_.-]+):\s*$/.exec(lines[i]);
    if (entryKey) key = entryKey[1];
    const source = /^( {4})source:.*$/.exec(lines[i]);
    const text = source && english[group]?.get(key);
    if (text) {
      // Quoted: a hash such as 3e3595342246 or 9830721288e3 would otherwise be read as a number.
      const line = `${source[1]}source: '${hash(text)}'`;
      if (line !== lines[i]) filled += 1;
      lines[i] = line;
    }
  }
  writeFileSync(translationPath, lines.join('\n'));
  console.log(`filled ${filled} source line(s)`);
}

const translation = read(translationPath);
const problems = [];
let stale = 0;
for (const [group, map] of Object.entries(english)) {
  const translated = translation[group] ?? {};
  for (const [key, text] of map) {
    const entry = translated[key];
    if (entry === undefined || entry === null) {
      problems.push(`missing: ${group}.${key}`);
      continue;
    }
    if (typeof entry.source !== 'string') {
      problems.push(`not a string: ${group}.${key}.source (quote it: YAML reads ${entry.source} as a ${typeof entry.source})`);
    } else if (entry.source !== hash(text)) {
      stale += 1;
      console.log(`stale: ${group}.${key} (source ${entry.source ?? 'absent'}, English now ${hash(text)})`);
    }
    // Each part the English has must be translated; a part it lacks must not be invented.
    const parts = group === 'sections' ? ['title', 'description'] : group === 'rules' ? ['message', 'help'] : ['label', 'help', 'example'];
    for (const part of parts) {
      const has = text[part] !== undefined;
      const translatedPart = entry[part];
      if (has && (typeof translatedPart !== 'string' || translatedPart.trim() === '')) problems.push(`missing: ${group}.${key}.${part}`);
      if (!has && translatedPart !== undefined) problems.push(`extra: ${group}.${key}.${part} (the English has none)`);
    }
    const pairs = text.choices ?? text.values;
    const listName = group === 'computed' ? 'values' : 'choices';
    if (pairs) {
      const list = entry[listName] ?? {};
      for (const [value, , help] of pairs) {
        const choice = list[value];
        const label = typeof choice === 'object' && choice !== null ? choice.label : choice;
        if (typeof label !== 'string' || label.trim() === '') problems.push(`missing: ${group}.${key}.${listName}.${value}`);
        if (help !== undefined && (typeof choice !== 'object' || typeof choice?.help !== 'string')) {
          problems.push(`missing: ${group}.${key}.${listName}.${value}.help`);
        }
      }
      for (const value of Object.keys(list)) {
        if (!pairs.some(([v]) => String(v) === value)) problems.push(`extra: ${group}.${key}.${listName}.${value}`);
      }
    } else if (entry[listName] !== undefined) {
      problems.push(`extra: ${group}.${key}.${listName} (the English has none)`);
    }
    // Placeholders such as {name} are filled in by the program, so they must survive translation.
    const placeholders = (s) => (String(s).match(/\{[A-Za-z_]+\}/g) ?? []).sort().join(' ');
    for (const part of ['message', 'help', 'label', 'example']) {
      if (text[part] !== undefined && typeof entry[part] === 'string' && placeholders(text[part]) !== placeholders(entry[part])) {
        problems.push(`placeholders differ: ${group}.${key}.${part}`);
      }
    }
  }
  for (const key of Object.keys(translated)) {
    if (!map.has(key)) problems.push(`extra: ${group}.${key} (not in the questionnaire)`);
  }
}

for (const problem of problems) console.log(problem);
const total = Object.values(english).reduce((n, map) => n + map.size, 0);
console.log(`${total} entries, ${problems.length} problem(s), ${stale} stale`);
process.exit(problems.length > 0 ? 1 : 0);
