import { execFileSync } from 'node:child_process';
import { workspace } from './cli';

/** Git must not read the machine's config or climb above the temporary directory. */
export const GIT_ENV = { GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };

export function git(dir: string, ...args: string[]): void {
  execFileSync('git', args, { cwd: dir, env: { ...process.env, ...GIT_ENV }, stdio: 'ignore' });
}

/** A repository whose first commit holds `files`. */
export function repository(files: Record<string, string>): string {
  const dir = workspace(files);
  git(dir, 'init', '--quiet');
  git(dir, 'config', 'user.name', 'Test');
  git(dir, 'config', 'user.email', 'test@example.com');
  git(dir, 'config', 'commit.gpgsign', 'false');
  git(dir, 'add', '.');
  git(dir, 'commit', '--quiet', '-m', 'v1');
  return dir;
}
