// Which editor long answers open in. Apart from the prompters, so that the line prompter does
// not load @inquirer/prompts (and tests that replace it get the replacement).
/** The editor eis opens for long answers, or undefined when none is set. */
export function editorCommand(env: NodeJS.ProcessEnv): string | undefined {
  const value = (env.VISUAL || env.EDITOR || '').trim();
  return value || undefined;
}
