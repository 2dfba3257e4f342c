import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RepeatWindow, type RememberedError } from '../../src/pipeline/repeat-window.js';

/**
 * The window's law, written plainly: the line of the latest of the last
 * `capacity` errors with this id, unless that error and this one name
 * different codes.
 */
function model(history: RememberedError[], capacity: number, id: string, code: string | null): number | null {
  const recent = history.slice(-capacity);
  for (let i = recent.length - 1; i >= 0; i--) {
    const [otherId, line, otherCode] = recent[i]!;
    if (otherId === id) return otherCode === null || code === null || otherCode === code ? line : null;
  }
  return null;
}

const ids = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g');
const codes = fc.constantFrom(null, 'InternalError', 'ResourceNotFound.Topic');

describe('the window of recent RequestIds', () => {
  it('answers with the latest of the last `capacity` errors that had the id, unless its code is another', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.array(fc.tuple(ids, codes), { maxLength: 60 }), (capacity, errors) => {
        const window = new RepeatWindow(capacity);
        const history: RememberedError[] = [];
        errors.forEach(([id, code], line) => {
          expect(window.check(id, code, line)).toBe(model(history, capacity, id, code));
          history.push([id, line, code]);
        });
        expect(window.entries()).toEqual(history.slice(-capacity));
        expect(window.full).toBe(history.length >= capacity);
      }),
    );
  });

  it('continues from the errors it is given as a window filled elsewhere would', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'd'), codes), { maxLength: 30 }), fc.nat(30), (capacity, errors, cut) => {
        const whole = new RepeatWindow(capacity);
        const first = new RepeatWindow(capacity);
        const at = Math.min(cut, errors.length);
        errors.slice(0, at).forEach(([id, code], line) => {
          whole.check(id, code, line);
          first.check(id, code, line);
        });
        const resumed = new RepeatWindow(capacity, first.entries());
        errors.slice(at).forEach(([id, code], i) => expect(resumed.check(id, code, at + i)).toBe(whole.check(id, code, at + i)));
      }),
    );
  });

  it('forgets an id once `capacity` errors came after its latest', () => {
    const window = new RepeatWindow(2);
    expect(window.check('a', null, 1)).toBeNull();
    expect(window.check('a', null, 2)).toBe(1);
    expect(window.check('b', null, 3)).toBeNull();
    expect(window.check('a', null, 4)).toBe(2);
    expect(window.check('b', null, 5)).toBe(3);
    expect(window.check('c', null, 6)).toBeNull();
    expect(window.check('a', null, 7)).toBeNull();
  });

  it('takes an error with no code, or the same code, as a repeat; one with another code as another API call’s', () => {
    const window = new RepeatWindow(8);
    expect(window.check('a', 'InternalError', 1)).toBeNull();
    expect(window.check('a', null, 2)).toBe(1);
    expect(window.check('a', 'InternalError', 3)).toBe(2);
    expect(window.check('a', 'ResourceNotFound.Topic', 4)).toBeNull();
  });
});
