// secretlint's steady state, for the warm-vs-warm ratio of benchmarks/secrets-compare.sh: one engine (secretlint 13.0.6's
// own Node API, @secretlint/node, with the recommended preset) lints the whole tree N times in one process; each pass
// lists, reads and lints every file, as our warm pass does. Prints each pass's CPU seconds, the best and the median.
// Usage (copied next to secretlint's node_modules by secrets-compare.sh): node secretlint-warm.mjs <dir> [passes=5]
import { createEngine } from "@secretlint/node";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { argv, cpuUsage } from "node:process";

const dir = argv[2];
const passes = Number(argv[3] ?? 5);
const engine = await createEngine({
  formatter: "stylish",
  color: false,
  configFileJSON: { rules: [{ id: "@secretlint/secretlint-rule-preset-recommend" }] },
});
let best = Infinity;
const all = [];
for (let pass = 1; pass <= passes; pass++) {
  const before = cpuUsage();
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name));
  await engine.executeOnFiles({ filePathList: files });
  const used = cpuUsage(before);
  const seconds = (used.user + used.system) / 1e6;
  best = Math.min(best, seconds);
  all.push(seconds);
  console.log(`pass ${pass}: ${files.length} files, ${seconds.toFixed(3)} s CPU`);
}
all.sort((a, b) => a - b);
const middle = all.length >> 1;
const median = all.length % 2 === 1 ? all[middle] : (all[middle - 1] + all[middle]) / 2;
console.log(`best ${best.toFixed(3)}`);
console.log(`median ${median.toFixed(3)}`);
