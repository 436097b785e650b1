import { join, resolve } from "node:path";
import { preselectSubnets, subnetViews } from "../account/subnets.js";
import { isUnread, type RuntimeInfo, type RuntimeSummary } from "../account/runtime.js";
import { isExistingVpc, type Answers } from "../answers/model.js";
import { formatProblem, resolveAnswers } from "../answers/validate.js";
import type { Feature } from "../catalog/features.js";
import { runRules } from "../doctor/run.js";
import type { AccountReader } from "../inspect/index.js";
import { UsageError } from "./args.js";
import { accountOpener, isInspectionError, type OpenAccount } from "./discovery.js";
import { checkRegion, DOCTOR_USAGE, parseDoctor, type DoctorOptions } from "./doctor-args.js";
import { byName, lookups, networkTarget, runtimeTarget, type Lookups } from "./doctor-gather.js";
import { errorsIn, reportJson, reportText, summaryText, type Checked, type Outcome } from "./doctor-report.js";
import { InputError, readAnswers } from "./input.js";
import type { Io } from "./main.js";
import { waitForEnis } from "./wait-enis.js";

interface Run {
  readonly reader: AccountReader;
  readonly look: Lookups;
  readonly account: string;
  readonly region: string;
  readonly features: readonly Feature[];
  readonly progress: (line: string) => void;
}

/** A runtime read, or why it could not be: a denied or failed read is API trouble, exit 2. */
async function readRuntime(run: Run, id: string): Promise<RuntimeInfo> {
  const runtime = await run.look.runtime(id);
  if (isUnread(runtime)) throw new UsageError(`doctor: ${runtime.unread}`);
  if (!runtime) throw new UsageError(`doctor: there is no runtime ${id} in ${run.region} of account ${run.account} (bedrock-agentcore:GetAgentRuntime): check the ID and the region.`);
  return runtime;
}

async function checkRuntime(run: Run, runtime: RuntimeInfo, project?: string): Promise<Checked> {
  const target = await runtimeTarget(run.look, runtime, run.account, run.region, run.features, project !== undefined);
  return { target, report: runRules(target), ...(project !== undefined ? { project } : {}) };
}

async function checkNetwork(run: Run, vpcId: string, subnetIds: readonly string[] | undefined, groupIds: readonly string[], project?: string): Promise<Checked> {
  const [details, serviceLinkedRole] = await Promise.all([run.look.vpc(vpcId), run.look.serviceLinkedRole()]);
  const inVpc = new Set(details.subnets.map((s) => s.id));
  const strangers = (subnetIds ?? []).filter((s) => !inVpc.has(s));
  if (strangers.length > 0) throw new UsageError(`doctor --subnets: ${strangers.join(", ")} ${strangers.length > 1 ? "are" : "is"} not in ${vpcId}.`);
  const chosen = subnetIds ?? preselectSubnets(subnetViews(details, run.region), run.region).chosen.map((s) => s.id);
  const network = await networkTarget(run.look, { region: run.region, vpcId, subnetIds: chosen, groupIds, features: run.features, serviceS3Endpoint: false, known: [] });
  const target = { network, account: { region: run.region, serviceLinkedRole } };
  return { target, report: runRules(target), ...(subnetIds === undefined ? { subnetsChosen: true } : {}), ...(project !== undefined ? { project } : {}) };
}

/**
 * Every runtime of the region; the reader bounds the calls in flight, and what runtimes share is
 * read once. A runtime whose read is denied is reported as not read; one deleted since it was
 * listed, as gone.
 */
async function checkAll(run: Run): Promise<{ outcomes: Outcome[]; gone: RuntimeSummary[] }> {
  const list = await run.look.runtimes();
  if (isUnread(list)) throw new UsageError(`doctor --all: ${list.unread}`);
  let done = 0;
  run.progress(`Reading ${list.length} runtimes in ${run.region}...`);
  const read = await Promise.all(list.map(async (summary) => ({ summary, runtime: await run.look.runtime(summary.id) })));
  // Their subnets in as few calls as the filter allows, before any network is read.
  await run.look.subnets(read.flatMap(({ runtime: r }) => (r && !isUnread(r) && r.networkMode === "VPC" ? r.subnetIds : [])));
  const outcomes = await Promise.all(
    read.map(async ({ summary, runtime }): Promise<Outcome | undefined> => {
      if (runtime === undefined) return undefined;
      const outcome = isUnread(runtime) ? { summary, reason: runtime.unread } : await checkRuntime(run, runtime);
      done += 1;
      run.progress(`Checked ${done} of ${list.length} runtimes in ${run.region}`);
      return outcome;
    }),
  );
  return { outcomes: outcomes.filter((o): o is Outcome => o !== undefined), gone: read.filter((r) => r.runtime === undefined).map((r) => r.summary) };
}

async function readProject(directory: string, io: Io): Promise<Answers> {
  const file = join(resolve(io.cwd, directory), "agentcore-vpc.json");
  const raw = await readAnswers(file, io, "doctor --project");
  const resolved = resolveAnswers(raw);
  if (!resolved.ok) throw new InputError(`doctor --project: ${file} is not a valid agentcore-vpc.json:\n${resolved.problems.map((p) => `  - ${formatProblem(p)}`).join("\n")}`);
  return resolved.answers;
}

/** A generated project: its runtime by name once applied, its network by its tags before that. */
async function checkProject(run: Run, answers: Answers, directory: string): Promise<Checked> {
  const list = await run.look.runtimes();
  // Without the list the runtime cannot be found, and checking only the network would hide that.
  if (isUnread(list)) throw new UsageError(`doctor --project: ${list.unread}`);
  const runtime = byName(list, answers.name);
  if (runtime) return checkRuntime(run, await readRuntime(run, runtime.id), directory);
  const vpcs = isExistingVpc(answers.vpc) ? [answers.vpc.id] : (await run.reader.findTaggedVpcs(answers.name)).map((v) => v.id);
  if (vpcs.length !== 1) {
    throw new UsageError(
      vpcs.length === 0
        ? `doctor --project: no runtime named ${answers.name} and no VPC tagged agentcore-vpc:name=${answers.name} in ${run.region}: apply the network layer first, or check the region.`
        : `doctor --project: ${vpcs.length} VPCs are tagged agentcore-vpc:name=${answers.name} in ${run.region} (${vpcs.join(", ")}): give the one to check with --vpc.`,
    );
  }
  const groups = await run.reader.findRuntimeGroups(vpcs[0]!, answers.name);
  return checkNetwork(run, vpcs[0]!, isExistingVpc(answers.vpc) ? answers.vpc.subnetIds : undefined, groups, directory);
}

/** `create-agentcore-vpc doctor`: exit 0 without errors, 1 with one, 2 for usage or AWS trouble. */
export async function doctor(rawArgs: readonly string[], io: Io, open: OpenAccount = accountOpener(io.env ?? {})): Promise<number> {
  const env = io.env ?? {};
  try {
    const options: DoctorOptions | undefined = parseDoctor(rawArgs, env);
    if (!options) {
      io.stdout.write(`${DOCTOR_USAGE}\n`);
      return 0;
    }
    const { scope } = options;
    const project = scope.kind === "project" ? await readProject(scope.directory, io) : undefined;
    const region = options.region ?? checkRegion(project!.region, "the project's region");
    if (project && project.region !== region) throw new UsageError(`doctor --project: the project is in ${project.region}, --region says ${region}: leave out --region.`);
    // Progress goes to standard error: a line rewritten in place on a terminal, nothing without one.
    const tty = io.stderrIsTTY === true;
    const clear = (): void => void (tty && io.stderr.write("\r\x1b[2K"));
    const progress = tty && !options.json ? (line: string): void => void io.stderr.write(`\r\x1b[2K${line}`) : () => {};
    progress(`Reading account in ${region}...`);
    const { reader } = await open(region);
    if (options.wait && scope.kind === "network") {
      const say = (line: string): void => (clear(), void io.stdout.write(`${line}\n`));
      const waitProgress = (line: string): void => void io.stderr.write(tty ? `\r\x1b[2K${line}` : `${line}\n`);
      const where = { vpcId: scope.vpcId, ...(scope.subnetIds ? { subnetIds: scope.subnetIds } : {}), groupIds: scope.groupIds };
      return await waitForEnis(reader, where, options.wait.timeoutMs, options.wait.intervalMs, { say, progress: waitProgress, ...(io.signal ? { signal: io.signal } : {}) });
    }
    const { account } = await reader.identity();
    if (scope.kind === "runtime" && scope.account !== undefined && scope.account !== account) {
      throw new UsageError(`doctor --runtime: the runtime ARN is in account ${scope.account}, and the credentials are account ${account}'s: use credentials of ${scope.account}.`);
    }
    const run: Run = { reader, look: lookups(reader), account, region, features: project?.features ?? options.features, progress };
    const { outcomes, gone }: { outcomes: Outcome[]; gone: RuntimeSummary[] } =
      scope.kind === "all"
        ? await checkAll(run)
        : {
            outcomes: [
              scope.kind === "runtime"
                ? await checkRuntime(run, await readRuntime(run, scope.runtimeId))
                : scope.kind === "project"
                  ? await checkProject(run, project!, scope.directory)
                  : await checkNetwork(run, scope.vpcId, scope.subnetIds, scope.groupIds),
            ],
            gone: [],
          };
    if (!options.json) clear();
    if (options.json) {
      const documents = outcomes.map((o) => reportJson(o, account, region));
      io.stdout.write(`${JSON.stringify(scope.kind === "all" ? documents : documents[0], null, 2)}\n`);
    } else {
      io.stdout.write(`${scope.kind === "all" ? summaryText(outcomes, gone, region, account) : reportText(outcomes[0] as Checked, account)}\n`);
    }
    return outcomes.some((o) => errorsIn(o) > 0) ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof InputError || isInspectionError(error)) {
      if (io.stderrIsTTY === true) io.stderr.write("\r\x1b[2K");
      io.stderr.write(`create-agentcore-vpc: ${(error as Error).message}\n`);
      return 2;
    }
    throw error;
  }
}
