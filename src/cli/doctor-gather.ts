/**
 * From the account to the doctor's targets: every read goes through one set of lookups per run,
 * so that what runtimes share (a VPC, its groups, a role, the region's deliveries) is read once.
 */
import { inScope } from "../account/enis.js";
import type { ManagedEniInfo, SecurityGroupRuleInfo, SubnetInfo, VpcDetails } from "../account/model.js";
import { holdsInterfaces, isUnread, NETWORK_SLR, roleArnParts, type LogDeliveries, type Read, type RoleInfo, type RuntimeInfo, type RuntimeSummary } from "../account/runtime.js";
import type { Feature } from "../catalog/features.js";
import type { DoctorTarget, NetworkTarget } from "../doctor/target.js";
import type { AccountReader } from "../inspect/index.js";
import { mapLimited } from "../util/limit.js";
import { isInspectionError } from "./discovery.js";

/** Calls in flight at once when many runtimes are read: well under the SDK's socket pool and the API's rate. */
const CONCURRENCY = 16;

/** A denial as the sentence to report; anything else is thrown on. */
async function softly<T>(work: Promise<T>): Promise<Read<T>> {
  try {
    return await work;
  } catch (error) {
    if (isInspectionError(error) && /^(AccessDenied|Unauthorized)/.test((error as { code?: string }).code ?? "")) return { unread: (error as Error).message };
    throw error;
  }
}

function memo<K, V>(load: (key: K) => Promise<V>, keyOf: (key: K) => string = String): (key: K) => Promise<V> {
  const cache = new Map<string, Promise<V>>();
  return (key) => {
    const k = keyOf(key);
    let value = cache.get(k);
    if (!value) cache.set(k, (value = load(key)));
    return value;
  };
}

function once<V>(load: () => Promise<V>): () => Promise<V> {
  let value: Promise<V> | undefined;
  return () => (value ??= load());
}

export type Lookups = ReturnType<typeof lookups>;

export function lookups(reader: AccountReader) {
  const runtimes = once(() => reader.listRuntimes());
  const runtime = memo((id: string) => reader.readRuntime(id));
  const subnetCache = new Map<string, SubnetInfo | null>();
  return {
    vpc: memo((vpcId: string) => reader.readVpc(vpcId)),
    groupRules: memo((ids: readonly string[]) => reader.readGroupRules(ids), (ids) => [...ids].sort().join(",")),
    enis: memo((vpcId: string) => softly(reader.listManagedEnis(vpcId))),
    role: memo((name: string) => reader.readRole(name)),
    serviceLinkedRole: once(async (): Promise<Read<boolean>> => {
      const role = await reader.readRole(NETWORK_SLR);
      return isUnread(role) ? role : role !== undefined;
    }),
    deliveries: once(() => reader.readLogDeliveries()),
    runtimes,
    runtime,
    /** Every runtime of the region with its network, read with bounded concurrency. */
    allRuntimes: once(async (): Promise<Read<RuntimeInfo[]>> => {
      const list = await runtimes();
      if (isUnread(list)) return list;
      const read = await mapLimited(list, CONCURRENCY, (r) => runtime(r.id));
      return read.filter((r): r is RuntimeInfo => r !== undefined);
    }),
    /** Subnets by ID, each read once however many runtimes name it; null for one that does not exist. */
    async subnets(ids: readonly string[]): Promise<Map<string, SubnetInfo | null>> {
      const wanted = [...new Set(ids)].filter((id) => !subnetCache.has(id));
      for (let i = 0; i < wanted.length; i += 100) {
        const batch = wanted.slice(i, i + 100);
        const found = await reader.readSubnets(batch);
        for (const id of batch) subnetCache.set(id, found.find((s) => s.id === id) ?? null);
      }
      return new Map(ids.map((id) => [id, subnetCache.get(id) ?? null]));
    },
  };
}

export interface NetworkRequest {
  readonly region: string;
  readonly vpcId: string;
  readonly subnetIds: readonly string[];
  readonly groupIds: readonly string[];
  readonly features: readonly Feature[];
  readonly serviceS3Endpoint?: boolean;
  /** Runtimes already read: when they explain every interface, the region's runtimes need not be read. */
  readonly known: readonly RuntimeInfo[];
}

export async function networkTarget(look: Lookups, request: NetworkRequest, details?: VpcDetails): Promise<NetworkTarget> {
  const [vpc, groups, enis] = await Promise.all([details ?? look.vpc(request.vpcId), look.groupRules(request.groupIds), look.enis(request.vpcId)]);
  const used = (e: ManagedEniInfo, by: readonly RuntimeInfo[]): boolean => by.some((r) => holdsInterfaces(r.status) && r.subnetIds.includes(e.subnetId) && r.groupIds.some((g) => e.securityGroupIds.includes(g)));
  const unexplained = !isUnread(enis) && inScope(enis, request).some((e) => !used(e, request.known));
  const runtimes: Read<readonly RuntimeInfo[]> = unexplained ? await look.allRuntimes() : request.known;
  return {
    region: request.region,
    details: vpc,
    subnetIds: request.subnetIds,
    groupIds: request.groupIds,
    ...groupFields(groups),
    features: request.features,
    ...(request.serviceS3Endpoint !== undefined ? { serviceS3Endpoint: request.serviceS3Endpoint } : {}),
    managedEnis: enis,
    runtimes,
  };
}

function groupFields(groups: { rules: SecurityGroupRuleInfo[] } | { error: string }): Pick<NetworkTarget, "groupRules" | "groupRulesError"> {
  return "rules" in groups ? { groupRules: groups.rules } : { groupRulesError: groups.error };
}

/** Everything about one runtime: its role, its log deliveries, and its network when it is in VPC mode. */
export async function runtimeTarget(look: Lookups, runtime: RuntimeInfo, account: string, region: string, features: readonly Feature[], project = false): Promise<DoctorTarget> {
  const arn = roleArnParts(runtime.roleArn);
  const role: Promise<Read<RoleInfo | undefined>> = !arn
    ? Promise.resolve({ unread: `the execution role ${runtime.roleArn} is not a role ARN, so it was not read` })
    : arn.account !== account
      ? Promise.resolve({ unread: `the execution role ${runtime.roleArn} is in account ${arn.account}, not ${account}, so it was not read` })
      : look.role(arn.name);
  const vpcMode = runtime.networkMode === "VPC";
  const [roleRead, deliveries, subnets, serviceLinkedRole]: [Read<RoleInfo | undefined>, Read<LogDeliveries>, Map<string, SubnetInfo | null>, Read<boolean>] = await Promise.all([
    role,
    look.deliveries(),
    vpcMode ? look.subnets(runtime.subnetIds) : Promise.resolve(new Map<string, SubnetInfo | null>()),
    look.serviceLinkedRole(),
  ]);
  const found = [...subnets.values()].filter((s): s is SubnetInfo => s !== null);
  const vpcId = found[0]?.vpcId;
  const network =
    vpcMode && vpcId
      ? await networkTarget(look, {
          region,
          vpcId,
          subnetIds: found.filter((s) => s.vpcId === vpcId).map((s) => s.id),
          groupIds: runtime.groupIds,
          features,
          ...(runtime.serviceS3Endpoint !== undefined ? { serviceS3Endpoint: runtime.serviceS3Endpoint } : {}),
          known: [runtime],
        })
      : undefined;
  return {
    ...(network ? { network } : {}),
    runtime: { region, account, runtime, role: roleRead, deliveries, ...(project && !features.includes("observability") ? { observabilityDeclined: true } : {}), missingSubnets: runtime.subnetIds.filter((id) => subnets.get(id) === null), ...(network ? { network } : {}) },
    account: { region, serviceLinkedRole },
  };
}

/** The runtimes --project and --runtime look for among the region's. */
export function byName(list: Read<RuntimeSummary[]>, name: string): RuntimeSummary | undefined {
  return isUnread(list) ? undefined : list.find((r) => r.name === name);
}
