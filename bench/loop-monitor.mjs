// Preloaded (`node --import`) into the server the import and export benches start: on each
// SIGUSR2 it writes the main thread's longest event-loop block since the last one to stderr
// (`loop-max <ms>`) and starts counting again. A block shows as its timer firing late.
import { monitorEventLoopDelay } from 'node:perf_hooks';

const loop = monitorEventLoopDelay({ resolution: 5 });
loop.enable();
process.on('SIGUSR2', () => {
  process.stderr.write(`loop-max ${loop.max / 1e6}\n`);
  loop.reset();
});
