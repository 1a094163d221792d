import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..');

/** Every file git tracks or would track, except generated data and dependencies. */
function trackedFiles(): string[] {
  return execFileSync('git', ['ls-files', '-co', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' })
    .split('\n')
    .filter((f) => /\.(ts|mts|js|md)$/.test(f) && !f.startsWith('schemas/generated/'))
    .filter((f) => existsSync(join(ROOT, f)));
}

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
const anchorOf = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');

function headingsOf(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => /^#{1,6} /.test(l))
    .map((l) => l.replace(/^#+ /, ''));
}

/**
 * A reference names a Markdown file, optionally with `#anchor`, `§N.M` or a quoted section title.
 * Paths resolve from the citing file, then from the repository root; a bare name (`ros-protocol.md`)
 * also from `docs/`.
 */
const REFERENCE =
  /(?<![\w/.-])((?:\.{1,2}\/)*[\w.-]+(?:\/[\w.-]+)*\.md)(#[\w-]+)?(?: ?(§ ?\d+(?:\.\d+)*)| "([^"]+)")?/g;

function targetOf(citing: string, path: string): string | undefined {
  const candidates = [join(dirname(citing), path), join(ROOT, path)];
  if (!path.includes('/')) candidates.push(join(ROOT, 'docs', path));
  return candidates.map((c) => normalize(c)).find((c) => existsSync(c));
}

function problems(): string[] {
  const out: string[] = [];
  for (const file of trackedFiles()) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    for (const m of text.matchAll(REFERENCE)) {
      const [whole, path, anchor, section, title] = m;
      // Files written at run time or by users, not in the tree: named in prose, never linked.
      if (/^(CHANGELOG|SECURITY|CONTRIBUTING)\.md$/.test(path)) continue;
      const target = targetOf(join(ROOT, file), path);
      if (target === undefined) {
        out.push(`${file}: ${whole} (no such file)`);
        continue;
      }
      const headings = headingsOf(target);
      if (anchor && !headings.some((h) => anchorOf(h) === anchor.slice(1)))
        out.push(`${file}: ${whole} (no heading for ${anchor})`);
      if (section) {
        const number = section.replace(/^§ ?/, '');
        if (!headings.some((h) => h.startsWith(`${number} `) || h.startsWith(`${number}. `)))
          out.push(`${file}: ${whole} (no section ${number})`);
      }
      if (title && !headings.some((h) => h.includes(title)))
        out.push(`${file}: ${whole} (no section "${title}")`);
    }
  }
  return out;
}

describe('citations of documentation', () => {
  it('point at files, headings and numbered sections that exist', () => {
    expect(problems()).toEqual([]);
  });

  it('are found at all (the scan sees the docs the code cites)', () => {
    const cited = trackedFiles().filter((f) =>
      /ros-protocol\.md §|cloud-apis\.md §/.test(readFileSync(join(ROOT, f), 'utf8')),
    );
    expect(cited.length).toBeGreaterThan(20);
  });
});
