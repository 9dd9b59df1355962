/**
 * Preloaded (`node --import`) into a command a bench runs in its own process:
 * at exit, writes the process's peak RSS (KB) and CPU time (user and system,
 * µs) as JSON to the file named by CASEPRESS_BENCH_USAGE.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.CASEPRESS_BENCH_USAGE;
if (file) {
  process.on('exit', () => {
    const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ maxRSS, userCPUTime, systemCPUTime }));
  });
}
