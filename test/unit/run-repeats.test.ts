import { describe, expect, it } from 'vitest';
import { Aggregator } from '../../src/aggregation/aggregator.js';
import { taggedEvent } from '../helpers/tagged-event.js';
import { RunRepeats } from '../../src/aggregation/run-repeats.js';

describe('RequestIds remembered across a run’s inputs', () => {
  it('counts an id once across inputs, repeats within an input are not its to judge, and the oldest is forgotten first', () => {
    const repeats = new RunRepeats(2);
    expect(repeats.countedElsewhere('id-a', null, 'x.log')).toBe(false);
    expect(repeats.countedElsewhere('id-a', null, 'x.log')).toBe(false);
    expect(repeats.countedElsewhere('id-a', null, 'y.log')).toBe(true);
    expect(repeats.countedElsewhere('id-b', null, 'x.log')).toBe(false);
    expect(repeats.countedElsewhere('id-c', null, 'x.log')).toBe(false); // id-a is forgotten
    expect(repeats.countedElsewhere('id-a', null, 'y.log')).toBe(false);
    expect(repeats.countedElsewhere('id-c', null, 'y.log')).toBe(true);
  });

  it('counts an error whose code differs from the one counted: another API call with the id', () => {
    const repeats = new RunRepeats(4);
    expect(repeats.countedElsewhere('id-a', 'InternalError', 'x.log')).toBe(false);
    expect(repeats.countedElsewhere('id-a', null, 'y.log')).toBe(true);
    expect(repeats.countedElsewhere('id-a', 'InternalError', 'y.log')).toBe(true);
    expect(repeats.countedElsewhere('id-a', 'ResourceNotFound.Topic', 'y.log')).toBe(false);
  });
});

describe('an aggregator told the run reads one input', () => {
  const error = (source: string) => taggedEvent({ source, code: 'InternalError', category: 'server', requestId: '8c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f' });

  it('folds an error counted from another input, until told there is only one', () => {
    const run = new Aggregator({ version: 'test', entries: 0 }, 5);
    run.add(error('a.log'));
    run.add(error('b.log'));
    expect(run.toSummary().totals).toMatchObject({ errors: 1, repeatsAcrossInputs: 1 });
    const one = new Aggregator({ version: 'test', entries: 0 }, 5);
    one.oneInput();
    one.add(error('a.log'));
    one.add(error('a.log'));
    // Repeats within an input are the pipeline's to mark (duplicateOf): both count here.
    expect(one.toSummary().totals).toMatchObject({ errors: 2, repeatsAcrossInputs: 0 });
  });
});
