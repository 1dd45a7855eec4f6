// Parses and validates questionnaire YAML text. Every problem points at the questionnaire's line.
import { EisError } from '../errors.js';
import { parseYamlSource, positionOf } from '../yaml/source.js';
import { questionnaireSchema, type QuestionnaireInput } from './format.js';
import { compileQuestionnaire, findModelProblems, type Questionnaire } from './model.js';

export function parseQuestionnaire(text: string, file: string, source = file): Questionnaire {
  return compileQuestionnaire(parseQuestionnaireInput(text, file), source);
}

/** The validated questionnaire data, before compiling: plain JSON, so it can be stored. */
export function parseQuestionnaireInput(text: string, file: string): QuestionnaireInput {
  const yaml = parseYamlSource(text, file);
  const parsed = questionnaireSchema.safeParse(yaml.data);
  const fail = (path: ReadonlyArray<PropertyKey>, message: string, more: number): never => {
    const pos = positionOf(
      yaml,
      path.map((p) => (typeof p === 'number' ? p : String(p))),
    );
    const text = message.replace(/[.]$/, '');
    const tail = `${more ? ` (and ${more} more problem${more === 1 ? '' : 's'})` : ''}${/\?$/.test(text) && !more ? '' : '.'}`;
    throw new EisError(`questionnaire ${text}${tail}`, {
      file,
      line: pos.line,
      column: pos.column,
      hint: 'See docs/questionnaire-format.md.',
    });
  };
  if (!parsed.success) {
    const issue = deepestIssue(parsed.error.issues);
    const where = issue.path.length ? `at ${issue.path.map(String).join('.')}` : 'at the top level';
    const detail =
      issue.code === 'unrecognized_keys'
        ? `has unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`
        : issue.message.replace(/^Invalid input: /, '').toLowerCase();
    fail(issue.code === 'unrecognized_keys' ? [...issue.path, ...issue.keys.slice(0, 1)] : issue.path, `${where}: ${detail}`, parsed.error.issues.length - 1);
  }
  const problems = findModelProblems(compileQuestionnaire(parsed.data!, file));
  const [problem] = problems;
  if (problem) fail(problem.path, `at ${problem.path.join('.')}: ${problem.message}`, problems.length - 1);
  return parsed.data!;
}

type Issue = { path: PropertyKey[]; code: string; message: string; keys?: string[]; errors?: Issue[][] };

/** For a union (a condition), the branch that got furthest says best what is wrong. */
function deepestIssue(issues: readonly unknown[]): Issue & { keys: string[] } {
  let best = issues[0] as Issue;
  const visit = (issue: Issue, prefix: PropertyKey[]) => {
    const full = { ...issue, path: [...prefix, ...issue.path] };
    if (issue.code === 'invalid_union' && issue.errors) {
      for (const branch of issue.errors) for (const inner of branch) visit(inner, full.path);
      return;
    }
    if (full.path.length > best.path.length || best.code === 'invalid_union') best = full;
  };
  for (const issue of issues as Issue[]) visit(issue, []);
  return { ...best, keys: best.keys ?? [] };
}
