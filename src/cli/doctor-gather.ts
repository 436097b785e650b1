/**
 * From the account to the doctor's targets: every read goes through one set of lookups per run,
 * so that what runtimes share (a VPC, its groups, a role, the region's deliveries) is read once.
 */
import { inScope, usedBy } from "../account/enis.js";
import type { SecurityGroupRuleInfo, SubnetInfo } from "../account/model.js";
import { isUnread, NETWORK_SLR, roleArnParts, servesS3, type LogDeliveries, type Read, type RoleInfo, type RuntimeInfo, type RuntimeSummary } from "../account/runtime.js";
import type { Feature } from "../catalog/features.js";
import type { DoctorTarget, NetworkTarget } from "../doctor/target.js";
import type { AccountReader } from "../inspect/index.js";

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
  const subnetCache = new Map<string, Promise<SubnetInfo | null>>();
  return {
    vpc: memo((vpcId: string) => reader.readVpc(vpcId)),
    groupRules: memo((ids: readonly string[]) => reader.readGroupRules(ids), (ids) => [...ids].sort().join(",")),
    enis: memo((vpcId: string) => reader.listManagedEnis(vpcId)),
    role: memo((name: string) => reader.readRole(name)),
    serviceLinkedRole: once(async (): Promise<Read<boolean>> => {
      const role = await reader.readRole(NETWORK_SLR);
      return isUnread(role) ? role : role !== undefined;
    }),
    deliveries: once(() => reader.readLogDeliveries()),
    runtimes,
    runtime,
    /** Every runtime of the region with its network (the reader bounds the calls in flight); unread if any is. */
    allRuntimes: once(async (): Promise<Read<RuntimeInfo[]>> => {
      const list = await runtimes();
      if (isUnread(list)) return list;
      const read = await Promise.all(list.map((r) => runtime(r.id)));
      const unread = read.find(isUnread);
      if (unread) return unread;
      // A runtime deleted since it was listed holds nothing any more.
      return read.filter((r): r is RuntimeInfo => r !== undefined && !isUnread(r));
    }),
    /** Subnets by ID, each read once however many runtimes name it, in batches the filter allows; null for one that does not exist. */
    async subnets(ids: readonly string[]): Promise<Map<string, SubnetInfo | null>> {
      const wanted = [...new Set(ids)].filter((id) => !subnetCache.has(id));
      for (let i = 0; i < wanted.length; i += 100) {
        const batch = wanted.slice(i, i + 100);
        const found = reader.readSubnets(batch);
        for (const id of batch) subnetCache.set(id, found.then((list) => list.find((s) => s.id === id) ?? null));
      }
      return new Map(await Promise.all(ids.map(async (id) => [id, await subnetCache.get(id)!] as const)));
    },
  };
}

export interface NetworkRequest {
  readonly region: string;
  readonly vpcId: string;
  readonly subnetIds: readonly string[];
  readonly groupIds: readonly string[];
  readonly features: readonly Feature[];
  readonly serviceS3Endpoint: boolean;
  /** Runtimes already read: when they explain every interface, the region's runtimes need not be read. */
  readonly known: readonly RuntimeInfo[];
}

export async function networkTarget(look: Lookups, request: NetworkRequest): Promise<NetworkTarget> {
  // Each lookup is read once per run, however many targets share it.
  const [vpc, groups, enis] = await Promise.all([look.vpc(request.vpcId), look.groupRules(request.groupIds), look.enis(request.vpcId)]);
  const unexplained = !isUnread(enis) && inScope(enis, request).some((e) => !usedBy(e, request.known));
  const runtimes: Read<readonly RuntimeInfo[]> = unexplained ? await look.allRuntimes() : request.known;
  return {
    region: request.region,
    details: vpc,
    subnetIds: request.subnetIds,
    groupIds: request.groupIds,
    ...groupFields(groups),
    features: request.features,
    serviceS3Endpoint: request.serviceS3Endpoint,
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
          serviceS3Endpoint: servesS3(runtime),
          known: [runtime],
        })
      : undefined;
  return {
    ...(network ? { network } : {}),
    runtime: { region, account, runtime, role: roleRead, deliveries, ...(project && !features.includes("observability") ? { observabilityDeclined: true } : {}), missingSubnets: runtime.subnetIds.filter((id) => subnets.get(id) === null), ...(network ? { network } : {}) },
    account: { region, serviceLinkedRole },
  };
}

/** The runtime --project looks for among the region's. */
export function byName(list: Read<RuntimeSummary[]>, name: string): RuntimeSummary | undefined {
  return isUnread(list) ? undefined : list.find((r) => r.name === name);
}
