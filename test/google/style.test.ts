/** Column widths in few calls: applying widthCalls' calls in order gives every column its width. */
import { widthCalls } from '../../src/google/style';

function apply(calls: ReturnType<typeof widthCalls>, n: number): number[] {
  const out = new Array<number>(n).fill(100);
  for (const c of calls) for (let i = c.start; i < c.start + c.count; i++) out[i - 1] = c.value;
  return out;
}

describe('widthCalls', () => {
  test.each([
    [[150, 150, 150, 210, 150, 150, 150, 280, 210, 210, 210, 100, 100, 150, 150, 100, 100, 100, 150, 210]],
    [[100]],
    [[150, 210, 150, 210, 150]],
    [[100, 150, 210, 280]],
    [[150, 150, 150]],
  ])('%j: every column gets its width, in no more calls than runs of equal widths', (widths) => {
    const calls = widthCalls(widths);
    expect(apply(calls, widths.length)).toEqual(widths);
    const runs = widths.filter((w, i) => i === 0 || widths[i - 1] !== w).length;
    expect(calls.length).toBeLessThanOrEqual(runs);
  });

  test('a commonest width set first saves calls when it breaks many runs', () => {
    // Runs: 150 | 210 | 150 | 210 | 150 → 5 calls; 150 over all, then the two 210s → 3.
    expect(widthCalls([150, 210, 150, 210, 150])).toEqual([
      { start: 1, count: 5, value: 150 },
      { start: 2, count: 1, value: 210 },
      { start: 4, count: 1, value: 210 },
    ]);
  });
});
