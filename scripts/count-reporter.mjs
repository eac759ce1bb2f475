// node:test reporter that counts leaf tests (not suites) and writes the counts as JSON to
// the file named by NIANBAO_TEST_COUNTS, so scripts/test.mjs can sum every suite into one line.
import { writeFileSync } from 'node:fs';

export default async function* countReporter(source) {
  const counts = { passed: 0, failed: 0, skipped: 0, failures: [], skips: [] };
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const d = event.data;
    if (d.details?.type === 'suite') {
      // A suite that fails outside its tests (a hook) still counts as a failure.
      if (event.type === 'test:fail' && d.details?.error?.failureType !== 'subtestsFailed') {
        counts.failed++;
        counts.failures.push(`${d.file ?? ''} ${d.name}`);
      }
      continue;
    }
    if ((d.skip !== undefined && d.skip !== false) || (d.todo !== undefined && d.todo !== false)) {
      counts.skipped++;
      const why = typeof d.skip === 'string' ? d.skip : typeof d.todo === 'string' ? d.todo : 'skipped';
      counts.skips.push(`${d.file ?? ''} ${d.name} — ${why}`);
    }
    else if (event.type === 'test:pass') counts.passed++;
    else {
      counts.failed++;
      counts.failures.push(`${d.file ?? ''} ${d.name}`);
    }
  }
  if (process.env.NIANBAO_TEST_COUNTS) writeFileSync(process.env.NIANBAO_TEST_COUNTS, JSON.stringify(counts));
  yield '';
}
