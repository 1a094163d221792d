import { isMapping } from '../../template/model';
import { joinPointer } from '../../template/pointer';
import catalogue from './data/association-properties.json';
import { defineRule } from './rule';
import { closest, withinEdits } from './util/did-you-mean';

const KNOWN = new Set([...catalogue.names, ...catalogue.otherForms]);
const BY_LOWER_CASE = new Map(catalogue.names.map((n) => [n.toLowerCase(), n]));

/** The console reads an `APSARA::` prefix as `ALIYUN::` (iac-code `normalize_association_property`). */
function normalise(value: string): string {
  return value.startsWith('APSARA::') ? `ALIYUN::${value.slice('APSARA::'.length)}` : value;
}

/** `ALIYUN::ECS::` of `ALIYUN::ECS::Instance::ZoneId`, lower-cased; `undefined` for plain names. */
function servicePrefix(name: string): string | undefined {
  const parts = name.split('::');
  return parts.length >= 3 ? `${parts[0]}::${parts[1]}::`.toLowerCase() : undefined;
}

/**
 * The name meant, if one is near: the same name in another case first, then the closest name of
 * the same service (`ALIYUN::ECS::…`), else of the whole catalogue. A service prefix keeps the
 * suggestion from jumping to an unrelated product whose tail looks alike.
 */
function meant(value: string): string | undefined {
  if (SUGGESTIONS.has(value)) return SUGGESTIONS.get(value);
  const best = search(value);
  if (SUGGESTIONS.size < 1_000) SUGGESTIONS.set(value, best);
  return best;
}

/** Suggestions already made: a misspelling tends to be copied from template to template. */
const SUGGESTIONS = new Map<string, string | undefined>();

function search(value: string): string | undefined {
  const sameCase = BY_LOWER_CASE.get(value.toLowerCase());
  if (sameCase) return sameCase;
  const prefix = servicePrefix(value);
  const sameService = prefix ? catalogue.names.filter((n) => n.toLowerCase().startsWith(prefix)) : [];
  return closest(value, sameService.length ? sameService : catalogue.names);
}

/**
 * The shape every catalogued name has: `ALIYUN::Service::Thing[::Field…]`, segments of letters,
 * digits and `_`, joined by `::` (a deprecated alias with one `:` is catalogued by name).
 */
const WELL_FORMED = /^[A-Za-z0-9_]+(?:::[A-Za-z0-9_]+)+$/;

/**
 * A mistake (a warning) when the name breaks the shape (a space, a single `:`) or is within two
 * edits of a known name, letter case aside (`ALIYUN::Slb::LoadBalance::…`). A well-formed name far
 * from every known one may just be newer than the catalogue (official templates use several, e.g.
 * `ALIYUN::CS::ManagedKubernetesCluster::PodCidr`): info.
 */
function isLikelyMistake(value: string, best: string | undefined): boolean {
  return !WELL_FORMED.test(value) || (best !== undefined && withinEdits(value, best, 2));
}

export default defineRule({
  id: 'parameter-association-property',
  defaultSeverity: 'warning',
  description:
    "A parameter's AssociationProperty should be a name the ROS console knows; an unknown one is shown as a plain text box (names from Alibaba's iac-code validator data, see lint/rules/data/). A malformed name (a space, a single colon) or one within two edits of a known name is a warning; another well-formed name the catalogue lacks is info, since it may be newer than the catalogue.",
  messages: {
    unknown:
      'AssociationProperty {value} is not among the names the ROS console is known to support; unless it is newer than the catalogue, the console shows a plain text box{hint}',
    malformed:
      'AssociationProperty {value} is not a console name (names are segments of letters and digits joined by ::), so the console shows a plain text box{hint}',
  },
  check({ template, report }) {
    for (const [name, parameter] of template.parameters) {
      if (!isMapping(parameter)) continue;
      const value = parameter.AssociationProperty;
      // Other shapes (functions, lists) are parameter-definition's to judge.
      if (typeof value !== 'string' || value === '' || KNOWN.has(normalise(value))) continue;
      const best = meant(normalise(value));
      const hint = best ? `; did you mean ${best}?` : '';
      const pointer = joinPointer('/Parameters', name, 'AssociationProperty');
      if (!WELL_FORMED.test(value)) report(pointer, 'malformed', { value, hint });
      else
        report(pointer, 'unknown', { value, hint }, isLikelyMistake(value, best) ? {} : { severity: 'info' });
    }
  },
});
