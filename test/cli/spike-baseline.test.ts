import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

/** fixtures/spikes/mid-hour.log: 25 throttling errors an hour from 00:50, then 87 between 04:00 and 05:00. */
const DAY = 'fixtures/spikes/mid-hour.log';

async function spikes(flags: string[]): Promise<{ category: string; start: string; count: number; baseline: number }[]> {
  const result = await runCli(['--format', 'json', '--bucket', '1h', ...flags, DAY]);
  expect(result.stderr).toBe('');
  return (JSON.parse(result.stdout) as { timeSeries: { spikes: never[] } }).timeSeries.spikes;
}

describe('spikes over a day that starts mid-hour', () => {
  it('flag only the real spike: the partial first hour is no baseline, and three complete hours are needed', async () => {
    expect(await spikes([])).toEqual([{ category: 'throttling', start: '2026-11-21T04:00:00.000Z', count: 87, baseline: 25 }]);
  });

  it('take a first bucket that --since starts at or before as complete: the logs are read from there', async () => {
    expect(await spikes(['--since', '2026-11-21T00:00:00Z'])).toEqual([{ category: 'throttling', start: '2026-11-21T04:00:00.000Z', count: 87, baseline: 20 }]);
  });

  it('say in the summary how many complete buckets a baseline needs', async () => {
    const result = await runCli(['--format', 'json', '--bucket', '1h', '--spike-baseline', '2', DAY]);
    expect(JSON.parse(result.stdout).timeSeries.minBaselineBuckets).toBe(2);
  });

  it('refuse a --spike-baseline that is not a whole number of buckets from 1 to 12', async () => {
    const result = await runCli(['--bucket', '1h', '--spike-baseline', '0', DAY]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('mqerr: --spike-baseline expects a whole number from 1 to 12, got 0\n');
  });
});
