// BENCH_CPU_PROF=<dir>: the server profiles its main thread (GATEHOUSE_CPU_PROFILE, see
// scripts/server.mjs) and, when it has exited, the
// benchmark prints each row's hottest functions by self time, from the samples taken while that
// row was measured. V8 stamps samples with the monotonic clock (µs), the same one as
// process.hrtime, so a row's window is two readings taken here.
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface Window {
  name: string;
  fromUs: number;
  toUs: number;
}

export const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);

/** Where the server of this run writes its profile. */
export function profileFile(dir: string): string {
  mkdirSync(dir, { recursive: true });
  return path.resolve(dir, `server-${new Date().toISOString().replace(/[:.]/g, "-")}.cpuprofile`);
}

const sources = new Map<string, string[]>();

/**
 * The build's server chunks are minified, so a function there is shown by the first characters
 * of its source (string literals and property names usually tell which one it is).
 */
function snippet(file: string, line: number, column: number): string {
  if (!sources.has(file)) sources.set(file, existsSync(file) ? readFileSync(file, "utf8").split("\n") : []);
  const text = sources.get(file)![line] ?? "";
  return text.slice(column, column + 70).replace(/\s+/g, " ");
}

const packageOf = (url: string) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1];

/** "name (file:line)", the file cut to what tells it apart: its package or its path in the build. */
function frameName(frame: ProfileNode["callFrame"]): string {
  const url = frame.url.replace(/^file:\/\//, "");
  const name = frame.functionName || "(anonymous)";
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(url);
  if (inPackage) return `${name} (${inPackage[1]}/${inPackage[2]}:${frame.lineNumber + 1})`;
  if (/\/\.next[^/]*\/server\/chunks\//.test(url)) return `app code: ${snippet(url, frame.lineNumber, frame.columnNumber)}`;
  return url ? `${name} (${url}:${frame.lineNumber + 1})` : name;
}

/** Self time summed by where the code lives: a package, the app's bundled code, node itself, or V8. */
function areaOf(frame: ProfileNode["callFrame"]): string {
  if (!frame.url) return frame.functionName.startsWith("(") ? frame.functionName : "native (V8 builtins, node bindings)";
  if (frame.url.startsWith("node:")) return "node internals";
  if (frame.url.startsWith("wasm:")) return "wasm (Prisma's query compiler)";
  if (/\/\.next[^/]*\/server\//.test(frame.url)) return "app code (bundled: lib/, routes, bundled packages)";
  return packageOf(frame.url) ?? frame.url;
}

/** The `count` functions with the most self time inside each window, with their share of the window's samples. */
export function topFrames(file: string, windows: Window[], count = 20): string {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const nodeById = new Map(profile.nodes.map((n) => [n.id, n]));
  const out: string[] = [];
  for (const window of windows) {
    const selfUs = new Map<string, number>();
    const areaUs = new Map<string, number>();
    let total = 0;
    let time = profile.startTime;
    for (let i = 0; i < profile.samples.length; i++) {
      const delta = profile.timeDeltas[i] ?? 0;
      time += delta;
      if (time < window.fromUs || time > window.toUs) continue;
      const callFrame = nodeById.get(profile.samples[i])!.callFrame;
      const frame = frameName(callFrame);
      selfUs.set(frame, (selfUs.get(frame) ?? 0) + delta);
      const area = areaOf(callFrame);
      areaUs.set(area, (areaUs.get(area) ?? 0) + delta);
      total += delta;
    }
    const idle = selfUs.get("(idle)") ?? 0;
    out.push(
      `\n${window.name}: ${(total / 1000).toFixed(0)} ms sampled, ${(((total - idle) / Math.max(total, 1)) * 100).toFixed(0)}% busy`,
    );
    const share = (us: number) =>
      `${((us / Math.max(total - idle, 1)) * 100).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms`;
    const areas = [...areaUs].filter(([name]) => name !== "(idle)").sort((a, b) => b[1] - a[1]);
    out.push("  by area:", ...areas.slice(0, 10).map(([name, us]) => `  ${share(us)}  ${name}`), "  by function:");
    const ranked = [...selfUs].filter(([name]) => name !== "(idle)").sort((a, b) => b[1] - a[1]);
    for (const [name, us] of ranked.slice(0, count)) {
      out.push(`  ${share(us)}  ${name}`);
    }
  }
  return out.join("\n");
}
