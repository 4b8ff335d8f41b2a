// Loaded into the server process by the bench (--import) when BENCH_CPU_PROF is set: SIGUSR2 starts a V8 CPU
// profile, the next SIGUSR2 writes it to BENCH_CPU_PROF/<n>.cpuprofile, so that one phase of a run is profiled alone.
import fs from 'node:fs';
import inspector from 'node:inspector';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const dir = process.env.BENCH_CPU_PROF;
const session = new inspector.Session();
session.connect();
let running = false;
let n = 0;
let elu = performance.eventLoopUtilization();
let cpu = process.cpuUsage();
process.on('SIGUSR2', () => {
  if (!running) {
    running = true;
    elu = performance.eventLoopUtilization();
    cpu = process.cpuUsage();
    session.post('Profiler.enable', () => session.post('Profiler.start'));
    return;
  }
  running = false;
  // how busy the event loop was (1 = never idle) and the process's CPU split, next to the profile
  const used = performance.eventLoopUtilization(elu);
  const c = process.cpuUsage(cpu);
  fs.writeFileSync(path.join(dir, `${n + 1}.loop.json`), JSON.stringify({ utilization: used.utilization, activeMs: used.active, idleMs: used.idle, userMs: c.user / 1000, systemMs: c.system / 1000 }));
  session.post('Profiler.stop', (err, result) => {
    if (!err) fs.writeFileSync(path.join(dir, `${++n}.cpuprofile`), JSON.stringify(result.profile));
  });
});
