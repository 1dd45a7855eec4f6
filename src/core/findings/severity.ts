// How much a finding matters: an error fails the check, a warning only with --strict.
export type Severity = 'error' | 'warning';
