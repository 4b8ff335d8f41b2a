// Loaded into the server process by the bench (--import) when BENCH_CPU_PROF is set: SIGUSR2 starts a V8 CPU
// profile, the next SIGUSR2 writes it to BENCH_CPU_PROF/<n>.cpuprofile, so that one phase of a run is profiled alone.
import fs from 'node:fs';
import inspector from 'node:inspector';
import path from 'node:path';

const dir = process.env.BENCH_CPU_PROF;
const session = new inspector.Session();
session.connect();
let running = false;
let n = 0;
process.on('SIGUSR2', () => {
  if (!running) {
    running = true;
    session.post('Profiler.enable', () => session.post('Profiler.start'));
    return;
  }
  running = false;
  session.post('Profiler.stop', (err, result) => {
    if (!err) fs.writeFileSync(path.join(dir, `${++n}.cpuprofile`), JSON.stringify(result.profile));
  });
});
