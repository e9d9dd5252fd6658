/**
 * Runs a command for the benchmark and measures it: wall time and the peak
 * resident memory of the whole process tree (the command and every process
 * it starts, e.g. a build step's Astro process and Pagefind's binary), by
 * sampling /proc. The tree is the command's process group together with every
 * descendant by parent pid, so a process that leaves the group (setsid, a
 * detached spawn) still counts, and so does an orphan that stays in the group.
 * Linux only; elsewhere the peak is reported as unknown (null). Where GNU time
 * is installed (/usr/bin/time), the run is wrapped in it to also get the CPU
 * time (user + system) of the tree, which other load on a shared machine
 * inflates much less than wall time; the load average before and after is
 * recorded for the same reason.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';

/** The fields of /proc/<pid>/stat the sampler needs. */
export interface ProcStat {
  pid: number;
  ppid: number;
  pgrp: number;
  /** Resident set size in pages. */
  rssPages: number;
}

/** Parses a /proc/<pid>/stat line (the command name may hold spaces and parentheses). */
export function parseProcStat(line: string): ProcStat | undefined {
  const close = line.lastIndexOf(')');
  if (close === -1) return undefined;
  const pid = Number(line.slice(0, line.indexOf(' ')));
  // After ") ": state(3) ppid(4) pgrp(5) ... rss(24); index 0 here is field 3.
  const rest = line.slice(close + 2).split(' ');
  const ppid = Number(rest[1]);
  const pgrp = Number(rest[2]);
  const rssPages = Number(rest[21]);
  if (![pid, ppid, pgrp, rssPages].every(Number.isFinite)) return undefined;
  return { pid, ppid, pgrp, rssPages };
}

const PAGE_SIZE = 4096;

/** Every process in /proc now (those that exit while being read are skipped). */
export function readProcesses(): ProcStat[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  const out: ProcStat[] = [];
  for (const name of entries) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = parseProcStat(readFileSync(`/proc/${name}/stat`, 'utf8'));
      if (stat) out.push(stat);
    } catch {
      // exited meanwhile
    }
  }
  return out;
}

/** The tree of `root`: its process group plus every descendant (by parent pid) of any member. */
export function treeMembers(processes: ProcStat[], root: number): ProcStat[] {
  const children = new Map<number, ProcStat[]>();
  for (const p of processes) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const members = new Map<number, ProcStat>();
  const queue = processes.filter((p) => p.pgrp === root || p.pid === root);
  while (queue.length > 0) {
    const p = queue.pop()!;
    if (members.has(p.pid)) continue;
    members.set(p.pid, p);
    queue.push(...(children.get(p.pid) ?? []));
  }
  return [...members.values()];
}

/** Total resident bytes of the tree of `root` (see treeMembers), now. */
export function treeRss(root: number): number {
  return treeMembers(readProcesses(), root).reduce((sum, p) => sum + p.rssPages, 0) * PAGE_SIZE;
}

export interface MeasuredRun {
  code: number | null;
  wallMs: number;
  /** Peak summed RSS of the process tree in bytes; null where /proc is missing. */
  peakRss: number | null;
  /** User + system CPU milliseconds of the tree (processes waited for); null without GNU time. */
  cpuMs: number | null;
  /** One-minute load average before and after the run. */
  load: [number, number];
  /** stdout and stderr together. */
  output: string;
}

const TIME = '/usr/bin/time';
const TIME_MARK = '__insyn_bench_time__';

/** Splits GNU time's line (`<mark> <user s> <system s>`) off the output. */
export function takeTimeLine(output: string): { output: string; cpuMs: number | null } {
  const at = output.lastIndexOf(TIME_MARK);
  if (at === -1) return { output, cpuMs: null };
  const [user, system] = output
    .slice(at + TIME_MARK.length)
    .trim()
    .split(/\s+/)
    .map(Number);
  const cpuMs = Number.isFinite(user) && Number.isFinite(system) ? Math.round((user! + system!) * 1000) : null;
  return { output: output.slice(0, at).replace(/\n?Command exited with non-zero status \d+\n?$/, '\n'), cpuMs };
}

export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** Milliseconds between memory samples (default 100). */
  sampleEvery?: number;
  /** Kill the whole group after this many milliseconds. */
  timeoutMs?: number;
}

/** Runs `command args` in its own process group and measures it. */
export function runMeasured(command: string, args: string[], options: RunOptions): Promise<MeasuredRun> {
  return new Promise((resolve, reject) => {
    const load0 = loadavg()[0]!;
    const useTime = existsSync(TIME);
    const [cmd, argv] = useTime ? [TIME, ['-f', `${TIME_MARK} %U %S`, command, ...args]] : [command, args];
    const started = performance.now();
    const child = spawn(cmd, argv, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const pgrp = child.pid!;
    const hasProc = (() => {
      try {
        readFileSync(`/proc/${pgrp}/stat`, 'utf8');
        return true;
      } catch {
        return false;
      }
    })();
    let peak = 0;
    const sample = () => {
      const rss = treeRss(pgrp);
      if (rss > peak) peak = rss;
    };
    if (hasProc) sample();
    const timer = setInterval(sample, options.sampleEvery ?? 100);
    const killer = options.timeoutMs
      ? setTimeout(() => {
          try {
            process.kill(-pgrp, 'SIGKILL');
          } catch {
            /* already gone */
          }
        }, options.timeoutMs)
      : undefined;
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.on('error', (e) => {
      clearInterval(timer);
      if (killer) clearTimeout(killer);
      reject(e);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      if (killer) clearTimeout(killer);
      const wallMs = performance.now() - started;
      const timed = takeTimeLine(output);
      resolve({
        code,
        wallMs,
        peakRss: hasProc ? peak : null,
        cpuMs: timed.cpuMs,
        load: [load0, loadavg()[0]!],
        output: timed.output,
      });
    });
  });
}
