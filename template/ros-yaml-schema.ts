import { CORE_SCHEMA, defineMappingTag, defineScalarTag, defineSequenceTag, type Schema } from 'js-yaml';
import { FUNCTION_NAMES, tagForFunction } from './intrinsics';

/** `!GetAtt Res.Attr` → `["Res", "Attr"]`; attributes may contain dots (`Stack.Outputs.Name`). */
export function splitGetAtt(text: string): string[] {
  const dot = text.indexOf('.');
  return dot === -1 ? [text] : [text.slice(0, dot), text.slice(dot + 1)];
}

function tagsFor(fn: string) {
  const tag = tagForFunction(fn);
  const wrap = (args: unknown) => ({ [fn]: args });
  const never = () => false;
  return [
    defineScalarTag(tag, {
      resolve: (source) => wrap(fn === 'Fn::GetAtt' ? splitGetAtt(source) : source),
      identify: never,
    }),
    defineSequenceTag<unknown[], Record<string, unknown>>(tag, {
      create: () => [],
      addItem: (items, item) => {
        items.push(item);
      },
      finalize: wrap,
      identify: never,
    }),
    defineMappingTag<Record<string, unknown>, Record<string, unknown>>(tag, {
      create: () => ({}),
      addPair: (map, key, value) => {
        Object.defineProperty(map, String(key), {
          value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
        return '';
      },
      has: (map, key) => Object.hasOwn(map, String(key)),
      keys: (map) => Object.keys(map),
      get: (map, key) => map[String(key)],
      finalize: wrap,
      identify: never,
    }),
  ];
}

/** YAML 1.2 core schema plus every ROS short form, in scalar, sequence and mapping shape. */
export const ROS_YAML_SCHEMA: Schema = CORE_SCHEMA.withTags(FUNCTION_NAMES.flatMap(tagsFor));
