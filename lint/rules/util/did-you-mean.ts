/**
 * "Did you mean" search: the candidate nearest to a word by case-insensitive Levenshtein distance,
 * within a third of the word's length (at least 2 edits); of equally near candidates, the first.
 *
 * Rules ask once per finding, often with the same candidates (every type name, a template's resource
 * names) and the same word, and hostile templates ask thousands of times against thousands of names.
 * So each candidate set is indexed once (lower-cased, with a character signature), results are
 * memoised per word, and the distance table is filled only inside the band that can still beat the
 * best so far, stopping at the first row that cannot. Small sets (a template's names) are indexed
 * per template (`withSuggestionCache`, opened by the engine); large ones (every type name) for the
 * whole run. Each template also has a budget of table cells; once it is spent its remaining
 * searches give no suggestion (the findings stay, only the hint is left out). A memoised result
 * is charged what it cost to find, so what a template gets never depends on the templates before it.
 */

/** Table cells one template may spend: about 60 times the official corpus's peak (0.8M). */
export const SUGGESTION_CELL_BUDGET = 50_000_000;
/** Candidate sets kept indexed per template (a template uses a handful). */
const MAX_INDEXED_SETS = 8;
/** Sets at least this large are kept for the whole run, at most `MAX_SHARED_SETS` of them. */
const SHARED_MIN_NAMES = 256;
const MAX_SHARED_SETS = 4;
/** Memoised words per candidate set; beyond that the memo starts over (bounded memory). */
const MAX_MEMOISED_WORDS = 10_000;

/** A search's answer and the table cells it took. */
interface Outcome {
  best: string | undefined;
  cells: number;
}

interface CandidateIndex {
  names: readonly string[];
  lower: readonly string[];
  /** One bit per character class present (see `signature`). */
  signatures: Int32Array;
  memo: Map<string, Outcome>;
}

/** Large candidate sets, most recently used last. */
const shared: CandidateIndex[] = [];

interface Scope {
  /** Most recently used last. */
  indexes: CandidateIndex[];
  cellsLeft: number;
}

const newScope = (): Scope => ({ indexes: [], cellsLeft: SUGGESTION_CELL_BUDGET });
let scope: Scope | undefined;

/** Runs `fn` (one template's lint) with its own suggestion cache and budget. */
export function withSuggestionCache<T>(fn: () => T): T {
  const outer = scope;
  scope = newScope();
  try {
    return fn();
  } finally {
    scope = outer;
  }
}

/**
 * Which character classes a lower-cased string contains, as bits: letters and digits each their
 * own, everything else folded. A class present in one string and absent from the other costs at
 * least one edit of its own, so the bits that differ give a lower bound of the distance.
 */
function signature(s: string): number {
  let bits = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const bit = c >= 97 && c <= 122 ? c - 97 : c >= 48 && c <= 57 ? 26 + ((c - 48) % 5) : 31;
    bits |= 1 << bit;
  }
  return bits;
}

function popCount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The scope's index of this candidate set, made on first use (a copy: callers may reuse arrays). */
function indexFor(within: Scope, candidates: Iterable<string>): CandidateIndex {
  const names = Array.isArray(candidates) ? (candidates as readonly string[]) : [...candidates];
  const indexes = names.length >= SHARED_MIN_NAMES ? shared : within.indexes;
  for (let i = indexes.length - 1; i >= 0; i--) {
    const found = indexes[i];
    if (sameNames(found.names, names)) {
      if (i !== indexes.length - 1) indexes.push(...indexes.splice(i, 1));
      return found;
    }
  }
  const lower = names.map((n) => n.toLowerCase());
  const made: CandidateIndex = {
    names: [...names],
    lower,
    signatures: Int32Array.from(lower, signature),
    memo: new Map(),
  };
  if (indexes.length >= (indexes === shared ? MAX_SHARED_SETS : MAX_INDEXED_SETS)) indexes.shift();
  indexes.push(made);
  return made;
}

// Two reusable rows of the distance table, grown as needed.
let rows = [new Int32Array(64), new Int32Array(64)];

/**
 * Levenshtein distance of two lower-cased strings when it is below `limit`, else `limit`; `cells`
 * counts the table cells filled. Cells `limit` or more off the diagonal cannot be below `limit`, so
 * only the band is filled, and a row with no cell below `limit` ends it.
 */
function boundedDistance(a: string, b: string, limit: number, cells: { used: number }): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  // A common prefix or suffix does not change the distance (type names share `ALIYUN::…`).
  let start = 0;
  let endA = a.length;
  let endB = b.length;
  while (start < endA && start < endB && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA--;
    endB--;
  }
  const s = start === 0 && endA === a.length ? a : a.slice(start, endA);
  const t = start === 0 && endB === b.length ? b : b.slice(start, endB);
  const n = s.length;
  const m = t.length;
  if (n === 0 || m === 0) return Math.min(limit, n + m);
  if (m + 2 > rows[0].length) rows = [new Int32Array(2 * m + 2), new Int32Array(2 * m + 2)];
  // Locals, not the module's variables: this loop is the hot path.
  let previous = rows[0];
  let current = rows[1];
  let used = 0;
  for (let j = 0; j <= m; j++) previous[j] = j < limit ? j : limit;
  for (let i = 1; i <= n; i++) {
    const lo = i - limit + 1 > 1 ? i - limit + 1 : 1;
    const hi = i + limit - 1 < m ? i + limit - 1 : m;
    let rowMin = lo === 1 ? (i < limit ? i : limit) : limit;
    current[lo - 1] = rowMin;
    const c = s.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      let d = previous[j - 1] + (c === t.charCodeAt(j - 1) ? 0 : 1);
      const up = previous[j] + 1;
      const left = current[j - 1] + 1;
      if (up < d) d = up;
      if (left < d) d = left;
      if (d > limit) d = limit;
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    used += hi - lo + 1;
    if (hi < m) current[hi + 1] = limit;
    if (rowMin >= limit) {
      cells.used += used;
      return limit;
    }
    const swap = previous;
    previous = current;
    current = swap;
  }
  cells.used += used;
  return previous[m];
}

/** The nearest candidate and its cost, or `undefined` if finding it takes more than `limit` cells. */
function search(word: string, index: CandidateIndex, limit: number): Outcome | undefined {
  const lowerWord = word.toLowerCase();
  const wordSignature = signature(lowerWord);
  const cells = { used: 0 };
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  const { names, lower, signatures } = index;
  for (let k = 0; k < names.length && bestDistance > 0; k++) {
    // Lower bounds first: the length difference (of the names as written), then the signatures.
    if (Math.abs(names[k].length - word.length) >= bestDistance) continue;
    const sig = signatures[k];
    const missing = popCount(wordSignature & ~sig);
    const extra = popCount(sig & ~wordSignature);
    if ((missing > extra ? missing : extra) >= bestDistance) continue;
    if (cells.used > limit) return undefined;
    const d = boundedDistance(lowerWord, lower[k], bestDistance, cells);
    if (d < bestDistance) {
      best = names[k];
      bestDistance = d;
    }
  }
  return cells.used > limit ? undefined : { best, cells: cells.used };
}

/** The closest candidate within a third of the word's length (at least 2 edits), if any. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const within = scope ?? newScope();
  // A spent budget gives nothing; a search that fills no cell finds nothing either.
  if (within.cellsLeft <= 0) return undefined;
  const index = indexFor(within, candidates);
  let outcome = index.memo.get(word);
  if (!outcome) {
    outcome = search(word, index, within.cellsLeft);
    if (outcome) {
      if (index.memo.size >= MAX_MEMOISED_WORDS) index.memo.clear();
      index.memo.set(word, outcome);
    }
  }
  if (!outcome || outcome.cells > within.cellsLeft) {
    within.cellsLeft = 0;
    return undefined;
  }
  within.cellsLeft -= outcome.cells;
  return outcome.best;
}

/** Whether `a` and `b` differ by at most `edits` single-character edits, letter case aside. */
export function withinEdits(a: string, b: string, edits: number): boolean {
  return boundedDistance(a.toLowerCase(), b.toLowerCase(), edits + 1, { used: 0 }) <= edits;
}

/** `; did you mean X?` or nothing. */
export function suggestion(word: string, candidates: Iterable<string>): string {
  const best = closest(word, candidates);
  return best === undefined ? '' : `; did you mean ${best}?`;
}
