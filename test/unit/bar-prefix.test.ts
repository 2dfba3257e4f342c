import { describe, expect, it } from 'vitest';
import { readBarPrefix } from '../../src/records/bar-prefix.js';

const COLOUR = /^\x1b\[3(\d)m/;
const RESET = '\x1b[0m';

describe('readBarPrefix', () => {
  it('reads a padded name before ` | `, with or without the colour around it, and where the text starts', () => {
    expect(readBarPrefix('api-1  | boom', 0, COLOUR, RESET, 3, 170)).toEqual({ name: 'api-1', colour: null, textAt: 9 });
    const coloured = readBarPrefix('\x1b[36mapi-1  | \x1b[0mboom', 0, COLOUR, RESET, 3, 170)!;
    expect([coloured.name, coloured.colour?.[1], coloured.textAt]).toEqual(['api-1', '6', 18]);
    // From a position after something else (a time before the prefix).
    expect(readBarPrefix('12:00 \x1b[31mx | \x1b[0my', 6, COLOUR, RESET, 1, 170)).toMatchObject({ name: 'x', textAt: 19 });
  });

  it('is no prefix without the reset after a coloured bar, or with a name out of its bounds', () => {
    expect(readBarPrefix('\x1b[36mapi-1  | boom', 0, COLOUR, RESET, 3, 170)).toBeNull();
    expect(readBarPrefix('ab | boom', 0, COLOUR, RESET, 3, 170)).toBeNull();
    expect(readBarPrefix(`${'a'.repeat(200)} | boom`, 0, COLOUR, RESET, 3, 170)).toBeNull();
    expect(readBarPrefix('no bar here', 0, COLOUR, RESET, 3, 170)).toBeNull();
  });
});
