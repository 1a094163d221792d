import { createRequire } from 'node:module';
import { type Credentials, type Endpoint, sdkConfigFields } from '../../sdk/credentials';
import { RosCallError, toRosCallError } from './errors';

type RosModule = typeof import('@alicloud/ros20190910');
type CoreModule = typeof import('@alicloud/openapi-core');
type DaraModule = typeof import('@darabonba/typescript');

/** A GetResourceType answer, with the fields the cache keeps (names as on the wire). */
export interface TypeDefinition {
  ResourceType: string;
  EntityType?: string;
  Properties: Record<string, unknown>;
  Attributes: Record<string, unknown>;
}

/** The two ROS calls the update makes; tests may pass their own. */
export interface RosTypesClient {
  /** ListResourceTypes with EntityType=All: every name, sorted and deduplicated. */
  listResourceTypes(): Promise<string[]>;
  getResourceType(type: string): Promise<TypeDefinition>;
}

export interface RosClientOptions {
  credentials: Credentials;
  region: string;
  /** Default: the client's own endpoint map (`ros.aliyuncs.com` for every public region). */
  endpoint?: Endpoint;
}

/**
 * Required on the first call and kept out of dist/lint.js: bundled, the client and its models
 * (1.3 MB) would cost every `ros-sso lint` start ~30 ms of parsing; required, it takes ~240 ms, paid
 * only by `schemas update`. It resolves from node_modules, where it is a runtime dependency.
 */
function loadSdk(): { ros: RosModule; core: CoreModule; dara: DaraModule } {
  const load = createRequire(__filename);
  return {
    ros: load('@alicloud/ros20190910') as RosModule,
    core: load('@alicloud/openapi-core') as CoreModule,
    dara: load('@darabonba/typescript') as DaraModule,
  };
}

/** The official `@alicloud/ros20190910` client behind the RosTypesClient interface. */
export function createRosClient(options: RosClientOptions): RosTypesClient {
  const { ros, core, dara } = loadSdk();
  const { credentials, endpoint } = options;
  const client = new ros.default(
    new core.$OpenApiUtil.Config(
      sdkConfigFields({ credentials, regionId: options.region, ...(endpoint ? { endpoint } : {}) }),
    ),
  );
  // Some definitions are large; a stalled connection must still end.
  const runtime = (): InstanceType<DaraModule['RuntimeOptions']> =>
    new dara.RuntimeOptions({ connectTimeout: 10_000, readTimeout: 60_000 });

  return {
    async listResourceTypes() {
      try {
        const request = new ros.ListResourceTypesRequest({ entityType: 'All' });
        const body = (await client.listResourceTypesWithOptions(request, runtime())).body;
        const names = new Set<string>();
        for (const name of body?.resourceTypes ?? []) if (typeof name === 'string') names.add(name);
        // The summaries list the same names with their entity type; read both in case one is empty.
        for (const summary of body?.resourceTypeSummaries ?? [])
          if (typeof summary.resourceType === 'string') names.add(summary.resourceType);
        return [...names].sort();
      } catch (err) {
        throw toRosCallError(err, 'ListResourceTypes');
      }
    },

    async getResourceType(type) {
      try {
        const request = new ros.GetResourceTypeRequest({ resourceType: type });
        const body = (await client.getResourceTypeWithOptions(request, runtime())).body;
        // An empty definition would override the bundled one and make every property "unknown".
        if (!isRecord(body?.properties))
          throw new RosCallError('GetResourceType', 'MalformedResponse', 200, 'the answer has no Properties');
        // Never cache one type's definition under another's name.
        if (typeof body.resourceType === 'string' && body.resourceType !== type)
          throw new RosCallError(
            'GetResourceType',
            'MalformedResponse',
            200,
            `asked for ${type}, the answer describes ${body.resourceType}`,
          );
        return {
          ResourceType: body.resourceType ?? type,
          ...(typeof body.entityType === 'string' ? { EntityType: body.entityType } : {}),
          Properties: body.properties,
          Attributes: isRecord(body.attributes) ? body.attributes : {},
        };
      } catch (err) {
        throw toRosCallError(err, 'GetResourceType');
      }
    },
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
