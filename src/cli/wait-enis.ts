import { inScope, type EniScope } from "../account/enis.js";
import { isUnread } from "../account/runtime.js";
import type { AccountReader } from "../inspect/index.js";
import { UsageError } from "./args.js";

/** "8h", "30m", "90s", "1.5h": a duration in milliseconds; anything else is refused, naming the option. */
export function parseDuration(option: string, text: string): number {
  const match = /^(\d+(?:\.\d+)?)(h|m|s)$/.exec(text.trim());
  const ms = match ? Number(match[1]) * { h: 3_600_000, m: 60_000, s: 1_000 }[match[2] as "h" | "m" | "s"] : NaN;
  if (!(ms > 0)) throw new UsageError(`${option}: got ${JSON.stringify(text)}. Expected a duration such as 8h, 30m or 90s.`);
  return ms;
}

export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s}s` : s < 3600 ? `${Math.floor(s / 60)}m ${s % 60}s` : `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}m`;
}

export interface WaitScope extends EniScope {
  readonly vpcId: string;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false);
    const timer = setTimeout(() => resolve(true), ms);
    signal?.addEventListener("abort", () => (clearTimeout(timer), resolve(false)), { once: true });
  });
}

export interface WaitIo {
  readonly say: (line: string) => void;
  /** Progress: rewritten in place on a terminal, a line each otherwise. */
  readonly progress: (line: string) => void;
  readonly signal?: AbortSignal;
  readonly now?: () => number;
}

/**
 * After a runtime is deleted, AgentCore keeps its interfaces for up to about 8 hours, and until
 * they are gone the subnets and security groups cannot be deleted: polls until none is left.
 * Exit 0 when none remains, 1 on timeout, 130 when interrupted.
 */
export async function waitForEnis(reader: AccountReader, scope: WaitScope, timeoutMs: number, intervalMs: number, io: WaitIo): Promise<number> {
  const now = io.now ?? Date.now;
  const started = now();
  const where = [scope.vpcId, ...(scope.subnetIds ? [`subnets ${scope.subnetIds.join(", ")}`] : []), ...(scope.groupIds.length > 0 ? [`security groups ${scope.groupIds.join(", ")}`] : [])].join(", ");
  for (;;) {
    const enis = await reader.listManagedEnis(scope.vpcId);
    if (isUnread(enis)) throw new UsageError(`doctor --wait-for-enis: ${enis.unread}`);
    const left = inScope(enis, scope);
    const waited = now() - started;
    if (left.length === 0) {
      io.say(`No AgentCore network interface is left in ${where} (waited ${formatDuration(waited)}): the network layer can be destroyed.`);
      return 0;
    }
    if (waited >= timeoutMs) {
      io.say(`${left.length} AgentCore network interfaces are still in ${where} after ${formatDuration(waited)}: ${left.map((e) => e.id).join(", ")}. Wait longer (--timeout), or check that no runtime still uses these subnets.`);
      return 1;
    }
    io.progress(`${left.length} AgentCore network interface${left.length > 1 ? "s" : ""} left in ${where}, waited ${formatDuration(waited)}`);
    if (!(await sleep(Math.min(intervalMs, Math.max(0, timeoutMs - waited)), io.signal))) return 130;
  }
}
