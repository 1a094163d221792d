import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEvents } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { fullPositionIndex, PositionIndex } from '../../template/positions';

const CORPUS = join(__dirname, '..', 'corpus', 'templates');

const TRICKY = `ROSTemplateFormatVersion: '2015-09-01'
Parameters:
  Name: &anchor
    Type: String
    Default: "quoted"
  Copy: *anchor
  ? [complex, key]
  : ignored
  a/b~c:
    Type: String
Resources:
  Vpc:
    Type: ALIYUN::ECS::VPC
    Properties:
      VpcName: !Sub '\${Name}-vpc'
      CidrBlock:
      Tags: !Join [',', [!Ref Name, b]]
Outputs:
  Id:
    Value: !GetAtt Vpc.VpcId
  List:
    Value:
      - !Ref Vpc
      - - nested
`;

/** Every pointer of a complete walk, plus some that do not exist, in a scrambled order. */
function lookups(full: Map<string, unknown>): string[] {
  const pointers = [...full.keys()];
  const missing = pointers.flatMap((p) => [`${p}/missing`, `${p}/0/x`]);
  return [...pointers, ...missing, '/Nope', '/Nope/deeper'].sort(
    (a, b) => ((a.length * 7919) % 13) - ((b.length * 7919) % 13) || (a < b ? -1 : 1),
  );
}

function expectSameAsFullWalk(text: string) {
  const events = parseEvents(text, {});
  const full = fullPositionIndex(events, text);
  expect(full.size).toBeGreaterThan(0);
  // One fresh index per lookup: each answer comes from a walk aimed at that pointer alone…
  for (const pointer of lookups(full)) {
    expect(new PositionIndex(events, text).get(pointer), pointer).toEqual(full.get(pointer));
  }
  // …and one shared index: aimed walks, then the complete walk once they stop paying off.
  const shared = new PositionIndex(events, text);
  for (const pointer of lookups(full)) {
    expect(shared.get(pointer), pointer).toEqual(full.get(pointer));
    expect(shared.has(pointer), pointer).toBe(full.has(pointer));
  }
}

describe('position index', () => {
  it('finds on lookup exactly what a complete walk records (anchors, tags, escapes, empty values)', () => {
    expectSameAsFullWalk(TRICKY);
  });

  it('agrees with a complete walk on every corpus template', () => {
    const files = readdirSync(CORPUS).filter((f) => /\.(ya?ml|json)$/.test(f));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) expectSameAsFullWalk(readFileSync(join(CORPUS, file), 'utf8'));
  });

  it('records only the looked-up unit and the way to it', () => {
    const events = parseEvents(TRICKY, {});
    const index = new PositionIndex(events, TRICKY);
    expect(index.get('/Resources/Vpc/Properties/VpcName/Fn::Sub')).toBeDefined();
    const recorded = [...Map.prototype.keys.call(index)] as string[];
    expect(recorded).toContain('/Resources');
    expect(recorded).toContain('');
    expect(recorded.some((p) => p.startsWith('/Parameters/'))).toBe(false);
    expect(recorded.some((p) => p.startsWith('/Outputs/'))).toBe(false);
  });
});
