// Whether the interview asks line by line, for screen readers and magnifiers. Pure: the flag, the
// environment and the config come in as values.

/** A variable that is set and not "0" or "false" means yes; set to "0" or "false", it means no. */
function envSwitch(value: string | undefined): boolean | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const v = value.trim().toLowerCase();
  return !(v === '0' || v === 'false' || v === 'no' || v === 'off');
}

/**
 * The person's own choice wins over the repository's: --accessible or --no-accessible, then
 * EIS_ACCESSIBLE, then ACCESSIBLE (the variable charmbracelet's huh and gum read, so one setting
 * serves several tools), then `interview.accessible` in eis.config.yaml.
 */
export function accessibleMode(flag: boolean | undefined, env: Record<string, string | undefined>, configured: boolean | undefined): boolean {
  return flag ?? envSwitch(env.EIS_ACCESSIBLE) ?? envSwitch(env.ACCESSIBLE) ?? configured ?? false;
}
