import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

/**
 * The user's cache of resource type definitions fetched from the live ROS API
 * (`ros-sso schemas update`). The linter prefers a cached definition over the bundled one, per type.
 *
 * Layout: one `<Type with :: replaced by .>.json` file per type, plus `index.json`.
 */

/** One resource type as GetResourceType described it. */
export interface CachedType {
  /** e.g. `ALIYUN::ECS::Instance`, `DATASOURCE::VPC::Vpcs`, `MODULE::ACS::…`. */
  ResourceType: string;
  /** `Resource`, `DataSource` or `Module`. */
  EntityType: string;
  /**
   * GetResourceType's `Properties`, unchanged except that `Description` strings (prose) are dropped
   * from property and attribute definitions: `Type`, `Required`, `UpdateAllowed`, `Default`,
   * `Constraints`, nested `Schema` … are kept as the API returned them.
   */
  Properties: Record<string, unknown>;
  /** GetResourceType's `Attributes` (attribute name → definition), `Description` strings dropped. */
  Attributes: Record<string, unknown>;
  /** When this definition was fetched (ISO 8601, UTC). */
  FetchedAt: string;
  /** The region whose ROS endpoint answered. */
  Region: string;
}

/** What one `schemas update` run set out to do; lets an interrupted run resume. */
export interface CacheIndex {
  Region: string;
  /** When the run (or the run it resumes) started; files fetched since then are current. */
  StartedAt: string;
  /** Set once a run has fetched every listed type; absent while a run is unfinished. */
  CompletedAt?: string;
  /** Every name ListResourceTypes (EntityType=All) returned, sorted. */
  Types: string[];
}

const INDEX = 'index.json';
/** `A::B[::C…]`: at least two segments, so no type maps to `index.json` or leaves the directory. */
const TYPE_NAME = /^[A-Za-z0-9_@-]+(?:::[A-Za-z0-9_@-]+)+$/;

/**
 * The cache directory: `ROS_SSO_SCHEMA_CACHE` if set, else
 * `$XDG_CACHE_HOME/ros-sso/resource-types` (default `~/.cache/ros-sso/resource-types`).
 */
export function cacheDir(env: Readonly<Record<string, string | undefined>>): string {
  const explicit = env.ROS_SSO_SCHEMA_CACHE;
  if (explicit) return explicit;
  // The XDG spec says to ignore a relative XDG_CACHE_HOME.
  const xdg = env.XDG_CACHE_HOME;
  const base = xdg && isAbsolute(xdg) ? xdg : join(env.HOME || homedir(), '.cache');
  return join(base, 'ros-sso', 'resource-types');
}

/** Whether `type` can be cached: `A::B[::C]` with letters, digits, `_`, `@`, `-` per segment. */
export function isCacheableType(type: string): boolean {
  return TYPE_NAME.test(type);
}

/** `ALIYUN::ECS::Instance` → `ALIYUN.ECS.Instance.json`. */
export function cacheFileName(type: string): string {
  if (!isCacheableType(type)) throw new Error(`not a cacheable resource type name: ${JSON.stringify(type)}`);
  return `${type.replaceAll('::', '.')}.json`;
}

/** The cached definition of `type`, or undefined when absent, unreadable or malformed (never throws). */
export function readCachedType(dir: string, type: string): CachedType | undefined {
  if (!isCacheableType(type)) return undefined;
  const value = readJson(join(dir, cacheFileName(type)));
  if (!isRecord(value) || value.ResourceType !== type) return undefined;
  const { EntityType, Properties, Attributes, FetchedAt, Region } = value;
  if (typeof EntityType !== 'string' || typeof Region !== 'string') return undefined;
  if (!isRecord(Properties) || !isRecord(Attributes)) return undefined;
  if (typeof FetchedAt !== 'string' || Number.isNaN(Date.parse(FetchedAt))) return undefined;
  return { ResourceType: type, EntityType, Properties, Attributes, FetchedAt, Region };
}

/**
 * The types that have a cache file, from the directory listing alone (files are not opened, so a
 * listed type may still read back as undefined). A missing directory gives [].
 */
export function cachedTypeNames(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const types: string[] = [];
  for (const name of names) {
    if (!name.endsWith('.json') || name === INDEX) continue;
    const type = name.slice(0, -'.json'.length).replaceAll('.', '::');
    if (isCacheableType(type)) types.push(type);
  }
  return types.sort();
}

/** Writes one type's file atomically (temp file + rename), creating the directory if needed. */
export function writeCachedType(dir: string, entry: CachedType): void {
  writeAtomically(dir, cacheFileName(entry.ResourceType), entry);
}

/** The run index, or undefined when absent or malformed (never throws). */
export function readIndex(dir: string): CacheIndex | undefined {
  const value = readJson(join(dir, INDEX));
  if (!isRecord(value)) return undefined;
  const { Region, StartedAt, CompletedAt, Types } = value;
  if (typeof Region !== 'string' || typeof StartedAt !== 'string' || Number.isNaN(Date.parse(StartedAt)))
    return undefined;
  if (CompletedAt !== undefined && typeof CompletedAt !== 'string') return undefined;
  if (!Array.isArray(Types) || !Types.every((t) => typeof t === 'string')) return undefined;
  return { Region, StartedAt, ...(CompletedAt === undefined ? {} : { CompletedAt }), Types };
}

/** Writes `index.json` atomically. */
export function writeIndex(dir: string, index: CacheIndex): void {
  writeAtomically(dir, INDEX, index);
}

function writeAtomically(dir: string, name: string, value: unknown): void {
  mkdirSync(dir, { recursive: true });
  // Dot-prefixed and not ending in .json, so a reader never lists a half-written file.
  const temp = join(dir, `.${name}.${Math.random().toString(36).slice(2)}.tmp`);
  try {
    writeFileSync(temp, `${JSON.stringify(value)}\n`);
    renameSync(temp, join(dir, name));
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
