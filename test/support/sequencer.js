/**
 * Jest testSequencer: the longest suites first, so the workers finish together. Jest orders by
 * the durations in its cache, but a clean clone (CI) has no cache and falls back to file size,
 * which starts the crash and CLI suites last and leaves one worker running them alone.
 * SLOW lists the suites measured longest (seconds on an idle 2-core machine, in band, before
 * they were trimmed: the order matters, the figures are only a guide); every other suite keeps
 * jest's own order (cached duration, else size) after them.
 */
const Sequencer = require('@jest/test-sequencer').default;
const path = require('path');

const SLOW = [
  'test/crash/kill.test.ts', // 117 s
  'test/build/cli.test.ts', // 75 s
  'test/crash/concurrency.test.ts', // 62 s
  'test/workspace/spreadsheet/xlsx.test.ts', // 20 s
  'test/addon/cli.test.ts', // 15 s
  'test/e2e/duties.test.ts', // 14 s
  'test/e2e/enforcement.test.ts', // 14 s
  'test/browser/windows.test.ts', // 11 s
  'test/lint/layers.test.ts', // 11 s
];

const root = path.resolve(__dirname, '..', '..');

class SlowFirst extends Sequencer {
  sort(tests) {
    const rank = (t) => {
      const i = SLOW.indexOf(path.relative(root, t.path).split(path.sep).join('/'));
      return i < 0 ? SLOW.length : i;
    };
    const sorted = super.sort(tests);
    const order = new Map(sorted.map((t, i) => [t, i]));
    return [...sorted].sort((a, b) => rank(a) - rank(b) || order.get(a) - order.get(b));
  }
}

module.exports = SlowFirst;
module.exports.SLOW = SLOW;
