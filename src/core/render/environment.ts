// A fresh Handlebars environment for each render: only the helpers listed here exist, templates
// are compiled in strict mode with knownHelpersOnly (a typo in a field or helper name is an error,
// not an empty string), and prototype access stays denied. Template problems become EisErrors that
// name the template file and line.
import Handlebars from 'handlebars';
import { EisError } from '../errors.js';
import type { Format } from './escape-view.js';
import { mdCell } from '../markdown/escape.js';
import { plural } from './view.js';

export interface TemplateSource {
  /** The partial name (`markdown`, `list`...), or `statement` for the main template. */
  name: string;
  /** Where it came from, for error messages. */
  file: string;
  text: string;
}

export interface TemplateSet {
  main: TemplateSource;
  partials: TemplateSource[];
}

type HelperArgs = unknown[];

/** Drops the options object Handlebars passes as the last argument. */
const args = (all: HelperArgs) => all.slice(0, -1);

function helpers(format: Format): Record<string, (...all: HelperArgs) => unknown> {
  return {
    eq: (...all) => {
      const [a, b] = args(all);
      return a === b;
    },
    not: (...all) => !args(all)[0],
    and: (...all) => args(all).every(Boolean),
    or: (...all) => args(all).some(Boolean),
    /** `{{join items "text" ", "}}`: a field of each item (or the items), joined. */
    join: (...all) => {
      const [list, field, separator] = args(all);
      if (!Array.isArray(list)) return '';
      // Only the item's own data: `constructor`, `__proto__` or `toString` name nothing (SECURITY.md).
      const values = typeof field === 'string' && field !== '' ? list.map((x) => (x && typeof x === 'object' ? Object.getOwnPropertyDescriptor(x, field)?.value : x)) : list;
      return values.map((v) => (v === null || v === undefined ? '' : String(v))).join(typeof separator === 'string' ? separator : ', ');
    },
    /** One table cell in Markdown (one line, pipes escaped); unchanged in HTML. */
    cell: (...all) => {
      const value = args(all)[0];
      const text = value === null || value === undefined ? '' : String(value);
      return format === 'md' ? mdCell(text) : text;
    },
    /** `{{plural count "entry"}}`: "1 entry", "3 entries". */
    plural: (...all) => {
      const [n, word] = args(all);
      return plural(Number(n), String(word));
    },
    /** `{{colon label}}`: "Status:" but "Is it published?" (no colon after a question mark). */
    colon: (...all) => {
      const text = String(args(all)[0] ?? '');
      return /[?!:.]$/.test(text) ? text : `${text}:`;
    },
    /** `{{inc @index}}`: counting from 1. */
    inc: (...all) => Number(args(all)[0]) + 1,
  };
}

export const HELPER_NAMES = Object.keys(helpers('md'));

/** Compiles the main template and its partials; the result renders an (escaped) view model. */
export function compileTemplates(set: TemplateSet, format: Format): (view: unknown) => string {
  const env = Handlebars.create();
  const helperMap = helpers(format);
  for (const [name, fn] of Object.entries(helperMap)) env.registerHelper(name, fn);
  const options: CompileOptions = {
    strict: true,
    knownHelpersOnly: true,
    knownHelpers: Object.fromEntries(Object.keys(helperMap).map((n) => [n, true])),
    // The view is escaped for the format before rendering (escape-view.ts).
    noEscape: true,
    preventIndent: true,
  };
  const compile = (source: TemplateSource) => {
    let spec: string;
    try {
      // precompile parses and compiles without running anything: syntax errors and unknown
      // helpers are found here, for every partial, even ones this statement does not use.
      // Typed as a spec object, but without asObject it is the spec's source text.
      spec = env.precompile(source.text, options) as unknown as string;
    } catch (error) {
      throw templateError(error, source);
    }
    // The precompiled spec is loaded as a script that ships precompiled templates would be (the
    // same code env.compile builds), rather than compiling every template a second time.
    const template = env.template(new Function(`return ${spec}`)());
    return (context: unknown, runtime?: RuntimeOptions): string => {
      try {
        return template(context, runtime);
      } catch (error) {
        throw error instanceof EisError ? error : templateError(error, source);
      }
    };
  };
  for (const partial of set.partials) env.registerPartial(partial.name, compile(partial) as unknown as Handlebars.Template);
  const main = compile(set.main);
  return (view) => main(view, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
}

type CompileOptions = Parameters<typeof Handlebars.compile>[1];
type RuntimeOptions = Handlebars.RuntimeOptions;

function templateError(error: unknown, source: TemplateSource): EisError {
  const raw = error instanceof Error ? error.message : String(error);
  const e = error as { lineNumber?: number; column?: number };
  let line = e.lineNumber;
  let column = e.column !== undefined ? e.column + 1 : undefined;
  let message: string;
  const parse = /^Parse error on line (\d+):[\s\S]*?\n(Expecting [\s\S]*)$/.exec(raw);
  const helper = /unknown helper (\S+?)(?: - \d+:\d+)?$/.exec(raw);
  const missing = /^"(.+?)" not defined in/.exec(raw);
  const partial = /^The partial (.+?) could not be found/.exec(raw);
  if (parse) {
    line = Number(parse[1]);
    column = undefined;
    message = `the template has a syntax error: ${parse[2]!.replace(/\s+/g, ' ').trim()}.`;
  } else if (helper) {
    message = `the template calls "${helper[1]}", which is not a helper eis has.`;
  } else if (missing) {
    message = `the template uses "${missing[1]}", which the view model does not have here.`;
  } else if (partial) {
    message = `the template uses the partial "${partial[1]}", which does not exist.`;
  } else {
    message = `the template could not be used: ${raw.replace(/ - \d+:\d+$/, '')}.`;
  }
  return new EisError(message, {
    file: source.file,
    line,
    column,
    hint: helper ? `Helpers: ${HELPER_NAMES.join(', ')} and the Handlebars built-ins; see docs/templates.md.` : 'See docs/templates.md for the view model and helpers.',
    cause: error,
  });
}
