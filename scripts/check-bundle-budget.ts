import { bundleReport, sum } from './bundle-size.ts';

/** Fails the build when the first page needs more than the budget (gzip). */
const BUDGET_GZIP = 110 * 1024;
const report = bundleReport('dist');
const first = sum(report.firstPage, 'gzip');
const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
for (const a of report.firstPage) console.log(`  first page  ${a.file.padEnd(48)} ${kb(a.gzip).padStart(9)} gzip`);
console.log(`First page: ${kb(first)} gzip of ${kb(BUDGET_GZIP)} budget; ${report.lazy.length} lazy chunks.`);
if (first > BUDGET_GZIP) {
  console.error(`Bundle budget exceeded by ${kb(first - BUDGET_GZIP)}.`);
  process.exit(1);
}
