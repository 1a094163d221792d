/**
 * Hand-written subset of the OASIS SARIF 2.1.0 JSON Schema (draft-07), for the objects this
 * formatter emits. Why a subset: no small npm package ships the official schema as a file (the one
 * that does, @datadog/datadog-ci-plugin-sarif@<=4.4.0, brings ~200 packages), and only npm is
 * reachable. Each definition keeps the official name, `required`, enums and minimums; it is
 * stricter than the official schema in one way: `additionalProperties: false` everywhere, so a
 * property that is not checked here cannot slip into the output unnoticed.
 */
const message = {
  type: 'object',
  additionalProperties: false,
  required: ['text'],
  properties: { text: { type: 'string' } },
};

const level = { enum: ['none', 'note', 'warning', 'error'] };

export const sarifSubsetSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'SARIF 2.1.0 subset emitted by ros-sso',
  type: 'object',
  additionalProperties: false,
  required: ['version', 'runs'],
  properties: {
    $schema: { type: 'string', format: 'uri' },
    version: { enum: ['2.1.0'] },
    runs: { type: ['array', 'null'], minItems: 0, uniqueItems: false, items: { $ref: '#/definitions/run' } },
  },
  definitions: {
    run: {
      type: 'object',
      additionalProperties: false,
      required: ['tool'],
      properties: {
        tool: { $ref: '#/definitions/tool' },
        columnKind: { enum: ['utf16CodeUnits', 'unicodeCodePoints'] },
        results: {
          type: ['array', 'null'],
          minItems: 0,
          uniqueItems: false,
          items: { $ref: '#/definitions/result' },
        },
      },
    },
    tool: {
      type: 'object',
      additionalProperties: false,
      required: ['driver'],
      properties: { driver: { $ref: '#/definitions/toolComponent' } },
    },
    toolComponent: {
      type: 'object',
      additionalProperties: false,
      required: ['name'],
      properties: {
        name: { type: 'string' },
        version: { type: 'string' },
        informationUri: { type: 'string', format: 'uri' },
        rules: {
          type: 'array',
          minItems: 0,
          uniqueItems: true,
          items: { $ref: '#/definitions/reportingDescriptor' },
        },
      },
    },
    reportingDescriptor: {
      type: 'object',
      additionalProperties: false,
      required: ['id'],
      properties: {
        id: { type: 'string' },
        shortDescription: message,
        fullDescription: message,
        defaultConfiguration: {
          type: 'object',
          additionalProperties: false,
          properties: { level },
        },
      },
    },
    result: {
      type: 'object',
      additionalProperties: false,
      required: ['message'],
      properties: {
        ruleId: { type: 'string' },
        ruleIndex: { type: 'integer', minimum: -1 },
        level,
        message,
        locations: {
          type: 'array',
          minItems: 0,
          uniqueItems: false,
          items: { $ref: '#/definitions/location' },
        },
        partialFingerprints: { type: 'object', additionalProperties: { type: 'string' } },
      },
    },
    location: {
      type: 'object',
      additionalProperties: false,
      properties: {
        physicalLocation: { $ref: '#/definitions/physicalLocation' },
        logicalLocations: {
          type: 'array',
          minItems: 0,
          uniqueItems: true,
          items: { $ref: '#/definitions/logicalLocation' },
        },
      },
    },
    physicalLocation: {
      type: 'object',
      additionalProperties: false,
      // Official: anyOf address / artifactLocation; this formatter always has a file.
      required: ['artifactLocation'],
      properties: {
        artifactLocation: {
          type: 'object',
          additionalProperties: false,
          properties: { uri: { type: 'string', format: 'uri-reference' }, uriBaseId: { type: 'string' } },
        },
        region: {
          type: 'object',
          additionalProperties: false,
          properties: {
            startLine: { type: 'integer', minimum: 1 },
            startColumn: { type: 'integer', minimum: 1 },
            endLine: { type: 'integer', minimum: 1 },
            endColumn: { type: 'integer', minimum: 1 },
          },
        },
      },
    },
    logicalLocation: {
      type: 'object',
      additionalProperties: false,
      properties: { fullyQualifiedName: { type: 'string' }, kind: { type: 'string' } },
    },
  },
} as const;
