/**
 * Size limits of the files the CLI reads, in bytes of UTF-8 text. A file over its limit is not
 * read, so no input can grow memory without bound.
 */
export const INPUT_LIMITS = {
  /**
   * A template: ROS's own limit for a template body, 524,288 bytes (ValidateTemplate, CreateStack,
   * UpdateStack and the ROS limits page; see docs/input-files.md). `limits.templateBytes` in the
   * config or `--max-template-bytes` change it.
   */
  template: 524_288,
  /** `.ros-sso.yaml` or `--config`: a few rules and globs; not configurable (it would configure itself). */
  config: 1024 * 1024,
  /** `--baseline`: about 200 bytes per finding; `limits.baselineBytes` in the config changes it. */
  baseline: 64 * 1024 * 1024,
  /** A `local … --seed` file (directory users, groups, accounts). */
  seed: 16 * 1024 * 1024,
} as const;
