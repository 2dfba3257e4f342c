import { describe, expect, it } from 'vitest';
import { RunRepeats } from '../../src/aggregation/run-repeats.js';

describe('RequestIds remembered across a run’s inputs', () => {
  it('counts an id once across inputs, repeats within an input are not its to judge, and the oldest is forgotten first', () => {
    const repeats = new RunRepeats(2);
    expect(repeats.countedElsewhere('id-a', 'x.log')).toBe(false);
    expect(repeats.countedElsewhere('id-a', 'x.log')).toBe(false);
    expect(repeats.countedElsewhere('id-a', 'y.log')).toBe(true);
    expect(repeats.countedElsewhere('id-b', 'x.log')).toBe(false);
    expect(repeats.countedElsewhere('id-c', 'x.log')).toBe(false); // id-a is forgotten
    expect(repeats.countedElsewhere('id-a', 'y.log')).toBe(false);
    expect(repeats.countedElsewhere('id-c', 'y.log')).toBe(true);
  });
});
