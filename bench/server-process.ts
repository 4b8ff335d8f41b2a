// The real server (src/main.ts) in a process of its own, as it runs in production: node itself with tsx as a
// loader, so that a kill reaches the server and no wrapper survives it. Used by the questionnaire bench (the
// client must not share the server's CPU time) and the durability test (which kills it).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';

const ROOT = path.join(import.meta.dirname, '..');

export interface ServerProcess {
  child: ChildProcessWithoutNullStreams;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  base: string;
  stderr: () => string;
  stop: () => Promise<void>;
  /** CPU time the server process used so far (user + system), in milliseconds (Linux: /proc). */
  cpuMs: () => number;
}

/** A process's CPU time from /proc/<pid>/stat (utime + stime, in clock ticks of 10 ms); NaN where there is no /proc. */
function processCpuMs(pid: number | undefined): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

/**
 * Starts the server on `dataDir` (its SQLite file) or on `databaseUrl` (PostgreSQL); resolves once it printed the
 * line with its port. No demo data, no limit on questionnaire starts (all clients come from one address), the
 * jobs worker asleep.
 */
export async function startServerProcess(options: { dataDir: string; databaseUrl?: string; env?: Record<string, string>; nodeArgs?: string[] }): Promise<ServerProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env, DATA_DIR: options.dataDir, DEMO_DATA: 'false', HOST: '127.0.0.1', PORT: '0', QUESTIONNAIRE_RATE_LIMIT: '0', LANG: 'en_US.UTF-8', JOBS_POLL_SECONDS: '3600', LOG_REQUESTS: 'false',
    ...options.env,
  };
  delete env.DATABASE_URL;
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', path.join(ROOT, 'src/main.ts')], { cwd: ROOT, env, stdio: 'pipe' });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('close', (code, signal) => resolve({ code, signal })));
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      const m = /port (\d+)\)/i.exec(line);
      if (m) resolve(Number(m[1]));
    });
    void exited.then(() => reject(new Error(`the server ended before it listened: ${stderr}`)));
  });
  return {
    child,
    exited,
    base: `http://127.0.0.1:${port}`,
    stderr: () => stderr,
    cpuMs: () => processCpuMs(child.pid),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
