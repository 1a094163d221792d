/** What a command may touch: `bin/ros-sso.js` passes the real process, tests their own. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  env: Record<string, string | undefined>;
  isTTY?: boolean;
}

/** The process exit codes, the same for every command (README, "Output and exit codes"). */
export type ExitCode = 0 | 1 | 2;
