// A real pseudo-terminal for end-to-end tests: a private tmux server running the built binary.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const TMUX = '/usr/bin/tmux';

/** Why tmux cannot be used here, or undefined when it can. */
export function tmuxMissing(): string | undefined {
  const result = spawnSync(TMUX, ['-V'], { encoding: 'utf8' });
  if (result.error) return `tmux is not installed (${(result.error as NodeJS.ErrnoException).code}); the terminal tests need ${TMUX}`;
  return result.status === 0 ? undefined : `tmux -V failed: ${result.stderr}`;
}

export class Terminal {
  readonly socket = `eis-test-${randomBytes(6).toString('hex')}`;
  private readonly confDir = mkdtempSync(join(tmpdir(), 'eis-tmux-'));
  private started = false;

  constructor(private readonly env: Record<string, string | undefined>) {}

  private tmux(args: string[]): string {
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(this.env)) if (v !== undefined) env[k] = v;
    const result = spawnSync(TMUX, ['-L', this.socket, ...args], { encoding: 'utf8', env, timeout: 10_000 });
    if (result.error) throw result.error;
    if (result.status !== 0) throw new Error(`tmux ${args.join(' ')} failed: ${result.stderr}`);
    return result.stdout;
  }

  /** Starts `argv` in a fresh window of a fixed size; the pane stays after it exits, to read its status. */
  run(argv: string[], cwd: string, name = 'eis', extraEnv: Record<string, string> = {}): void {
    const envArgs = Object.entries(extraEnv).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
    // tmux 3.3 does not report every exit status of a dead pane, so a wrapper writes it to a file.
    this.rcFile = join(this.confDir, `${name}.rc`);
    // Ctrl-C at a prompt that is not in raw mode signals the whole foreground group: the wrapper
    // traps it (its child gets the default action back) so that it lives to write the status.
    argv = ['/bin/sh', '-c', `trap : INT; "$@"; echo $? > '${this.rcFile}'`, 'sh', ...argv];
    const conf = join(this.confDir, 'tmux.conf');
    // No user config; keep dead panes so that the exit status can be read.
    writeFileSync(conf, 'set -g remain-on-exit on\nset -g history-limit 5000\n');
    if (!this.started) {
      this.tmux(['-f', conf, 'new-session', '-d', '-s', name, '-n', name, '-x', '120', '-y', '50', '-c', cwd, ...envArgs, ...argv]);
      this.started = true;
    } else {
      this.tmux(['new-window', '-t', `${this.sessionName()}:`, '-n', name, '-c', cwd, ...envArgs, ...argv]);
    }
    this.target = `${this.sessionName()}:${name}`;
  }

  private target = '';
  private rcFile = '';
  private sessionName(): string {
    return this.tmux(['list-sessions', '-F', '#{session_name}']).split('\n')[0];
  }

  /** The visible screen, without colours, wrapped lines joined, trailing spaces trimmed. */
  screen(): string {
    return this.tmux(['capture-pane', '-p', '-J', '-t', this.target])
      .split('\n')
      .map((l) => l.trimEnd())
      .join('\n')
      .trimEnd();
  }

  /** Everything the pane printed, scrollback included. */
  history(): string {
    return this.tmux(['capture-pane', '-p', '-J', '-S', '-', '-t', this.target])
      .split('\n')
      .map((l) => l.trimEnd())
      .join('\n')
      .trimEnd();
  }

  /** Copies every byte the pane's program writes (and the terminal echoes) to `file`, unchanged. */
  pipeTo(file: string): void {
    this.tmux(['pipe-pane', '-t', this.target, `cat >> '${file}'`]);
  }

  /** Keys by tmux name (Enter, Down, Space, C-c). */
  keys(...keys: string[]): void {
    this.tmux(['send-keys', '-t', this.target, ...keys]);
  }

  /** Text typed literally. */
  type(text: string): void {
    this.tmux(['send-keys', '-t', this.target, '-l', text]);
  }

  async waitFor(test: (screen: string) => boolean, what: string, timeout = 15_000): Promise<string> {
    const until = Date.now() + timeout;
    let screen = '';
    while (Date.now() < until) {
      screen = this.screen();
      if (test(screen)) return screen;
      await new Promise((r) => setTimeout(r, 40));
    }
    throw new Error(`timed out after ${timeout} ms waiting for ${what}; the screen shows:\n${screen}`);
  }

  /** Waits until the active prompt (a line starting "? ") contains `text`. */
  prompt(text: string): Promise<string> {
    return this.waitFor((s) => s.split('\n').some((l) => l.startsWith('? ') && l.includes(text)), `the prompt "${text}"`);
  }

  /** True once the program has ended. */
  ended(): boolean {
    return existsSync(this.rcFile) && readFileSync(this.rcFile, 'utf8').endsWith('\n');
  }

  /** Waits for the program to end and returns its exit status. */
  async exitCode(timeout = 15_000): Promise<number> {
    const until = Date.now() + timeout;
    while (Date.now() < until) {
      if (existsSync(this.rcFile)) {
        const text = readFileSync(this.rcFile, 'utf8');
        if (text.endsWith('\n')) return Number(text.trim());
      }
      await new Promise((r) => setTimeout(r, 40));
    }
    throw new Error(`the program did not end within ${timeout} ms; the screen shows:\n${this.screen()}`);
  }

  kill(): void {
    if (this.started) spawnSync(TMUX, ['-L', this.socket, 'kill-server'], { timeout: 10_000 });
    rmSync(this.confDir, { recursive: true, force: true });
  }
}
