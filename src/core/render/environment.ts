// A fresh Handlebars environment for each render: only the helpers listed here exist, templates
// are compiled in strict mode with knownHelpersOnly (a typo in a field or helper name is an error,
// not an empty string), and prototype access stays denied. Template problems become EisErrors that
// name the template file and line.
import Handlebars from 'handlebars';
import { EisError } from '../errors.js';
import { RenderBudget, type FrameSite, type RenderLimits } from './budget.js';
import type { Format } from './escape-view.js';
import { mdCell } from '../markdown/escape.js';
import { plural } from './view.js';
import { ENGLISH_WORDS, hasWord, say } from '../i18n/words.js';

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
    /**
     * `{{t "key" name=value}}`: a fixed word in the page's language (the view's `words`, escaped with
     * the rest of the view), its {placeholders} filled from the hash; `count=n` picks a plural form.
     */
    t: (...all) => {
      const [key] = args(all);
      const options = all[all.length - 1] as { hash?: Record<string, unknown>; data?: { root?: { words?: unknown; lang?: unknown } } };
      const root = options.data?.root;
      const words = root && typeof root.words === 'object' && root.words !== null ? (root.words as Record<string, string>) : ENGLISH_WORDS;
      if (typeof key !== 'string' || !hasWord(words, key)) throw new Error(`there is no word "${String(key)}" (the keys are in schemas/locales/en.yaml)`);
      return say(words, typeof root?.lang === 'string' ? root.lang : 'en', key, options.hash ?? {});
    },
    /** `{{inc @index}}`: counting from 1. */
    inc: (...all) => Number(args(all)[0]) + 1,
  };
}

export const HELPER_NAMES = Object.keys(helpers('md'));

/** Where Handlebars says a helper was called: `options.loc`, with 0-based columns. */
interface HelperLocation {
  loc?: { start?: { line?: number; column?: number } };
}

type Rendered = (view: unknown, limits: RenderLimits) => string;

/**
 * Compiles the main template and its partials; the result renders an (escaped) view model within
 * the limits given for it (budget.ts says why and how).
 */
export function compileTemplates(set: TemplateSet, format: Format): Rendered {
  const env = Handlebars.create();
  // The page being rendered: its budget, and the templates running, innermost last, to name the
  // file where a limit is reached. (An inline partial counts as the template that calls it.)
  let budget: RenderBudget | undefined;
  const running: TemplateSource[] = [];
  const site = (what: string, at?: HelperLocation['loc']): FrameSite => {
    const file = (running[running.length - 1] ?? set.main).file;
    const line = at?.start?.line;
    const column = at?.start?.column;
    return { file, line, column: line !== undefined && column !== undefined ? column + 1 : undefined, what };
  };

  // Handlebars gives a partial call no location: the first call of that name in the calling file
  // stands for it.
  const partialSite = (name: string): FrameSite => {
    const source = running[running.length - 1] ?? set.main;
    const at = new RegExp(`\\{\\{~?\\s*#?>\\s*${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`).exec(source.text);
    if (!at) return site(`{{> ${name}}}`);
    const before = source.text.slice(0, at.index);
    const line = before.split('\n').length;
    return { file: source.file, line, column: at.index - before.lastIndexOf('\n'), what: `{{> ${name}}}` };
  };

  const helperMap = helpers(format);
  for (const [name, fn] of Object.entries(helperMap))
    env.registerHelper(name, (...all: HelperArgs) => {
      const value = fn(...all);
      budget?.made(() => site(`{{${name}}}`, (all[all.length - 1] as HelperLocation | undefined)?.loc), value);
      return value;
    });
  // Every loop runs through this `each`, `{{#list}}` over a list too (Handlebars hands it here): the
  // built-in one, with its block counted as a frame for each item.
  const each = env.helpers.each as (...all: unknown[]) => unknown;
  env.registerHelper('each', function (this: unknown, ...all: unknown[]) {
    const options = all[all.length - 1] as HelperLocation & { fn: (...a: unknown[]) => unknown };
    const where = () => site('{{#each}}', options.loc);
    const fn = options.fn;
    // The block's own properties (its program id, block params) are kept: Handlebars reads them.
    const counted = Object.assign((...a: unknown[]) => (budget ? budget.frame(where, () => fn(...a)) : fn(...a)), fn);
    return each.apply(this, [...all.slice(0, -1), { ...options, fn: counted }]);
  });
  // Every partial call, registered or inline, goes through the runtime's invokePartial, which
  // Handlebars looks up on the environment at each call (env.VM is its documented hook).
  const vm = (env as unknown as { VM: { invokePartial: (...a: unknown[]) => unknown } }).VM;
  (env as unknown as { VM: unknown }).VM = {
    ...vm,
    invokePartial(this: unknown, partial: unknown, context: unknown, options: { name?: unknown }) {
      const call = () => vm.invokePartial.call(this, partial, context, options);
      return budget ? budget.frame(() => partialSite(String(options.name ?? 'partial')), call) : call();
    },
  };

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
      running.push(source);
      try {
        return template(context, runtime);
      } catch (error) {
        throw error instanceof EisError ? error : templateError(error, source);
      } finally {
        running.pop();
      }
    };
  };
  for (const partial of set.partials) env.registerPartial(partial.name, compile(partial) as unknown as Handlebars.Template);
  const main = compile(set.main);
  return (view, limits) => {
    budget = new RenderBudget(limits);
    const page = budget;
    try {
      const out = page.frame(
        () => site('the main template'),
        () => main(view, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false }),
      ) as string;
      return out;
    } catch (error) {
      // V8 refuses a string of 2^29 characters: a page that long is over any limit.
      if (error instanceof EisError && error.cause instanceof RangeError && /Invalid string length/.test(error.cause.message))
        page.tooLong(() => ({ file: error.file ?? set.main.file, what: 'a string too long for JavaScript' }));
      throw error;
    } finally {
      budget = undefined;
      running.length = 0;
    }
  };
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
