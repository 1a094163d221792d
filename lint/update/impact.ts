import type { ImpactKind, ResourceComparison, TemplateComparison } from './compare';

const MARKS: Record<ImpactKind, string> = {
  update: '~',
  replace: '±',
  delete: '-',
  create: '+',
  unchanged: ' ',
};

/** Why a resource gets its impact, in a few words: `refused: Parameters.TargetId`. */
export function impactDetail(r: ResourceComparison): string {
  if (r.typeChange) return `Type ${r.typeChange.before} → ${r.typeChange.after}`;
  if (r.renamedTo) return `renamed to ${r.renamedTo}: delete and create`;
  if (r.renamedFrom) return `renamed from ${r.renamedFrom}: delete and create`;
  const named = (certain: boolean, consequence: string) =>
    r.changes.filter((c) => c.certain === certain && c.consequence === consequence).map((c) => c.property);
  const parts: Array<[string, string[]]> = [
    ['needs replacement', named(true, 'replace')],
    ['refused', named(true, 'refuse')],
    ['may need replacement', named(false, 'replace')],
    ['may be refused', named(false, 'refuse')],
  ];
  return parts
    .filter(([, names]) => names.length > 0)
    .map(([label, names]) => `${label}: ${names.join(', ')}`)
    .join('; ');
}

/**
 * What a stack update from the old template to the new one does to each resource, one line each,
 * unchanged resources left out: `  ~ Provision  Custom::CloudSSOUserProvision  update (refused: Parameters.TargetId)`.
 */
export function renderImpact(comparison: TemplateComparison): string {
  const rows = comparison.resources
    .filter((r) => r.impact !== 'unchanged')
    .map((r) => {
      const detail = impactDetail(r);
      return {
        mark: MARKS[r.impact],
        id: r.id,
        type: r.after?.type ?? r.before?.type ?? '?',
        what: detail ? `${r.impact} (${detail})` : r.impact,
      };
    });
  if (rows.length === 0) return '  no resource changes\n';
  const idWidth = Math.max(...rows.map((r) => r.id.length));
  const typeWidth = Math.max(...rows.map((r) => r.type.length));
  return rows
    .map((r) => `  ${r.mark} ${r.id.padEnd(idWidth)}  ${r.type.padEnd(typeWidth)}  ${r.what}\n`)
    .join('');
}
