/**
 * The docs a clone has: code and tests cite docs/DOMAIN.md sections that exist, nothing cites
 * the specification outside the repository, and the README's and docs' links stay inside it.
 */
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
const DOMAIN = read('docs/DOMAIN.md');

function files(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return files(rel);
    return /\.(ts|js|mjs|cjs|html|css|md)$/.test(entry.name) ? [rel] : [];
  });
}

/** Everything that may cite the domain: the code, the tests, the scripts and the docs other than DOMAIN.md itself. */
const CITING = [
  ...['src', 'workspace', 'test', 'scripts', 'bin'].flatMap(files),
  'README.md',
  ...files('docs').filter((f) => f !== path.join('docs', 'DOMAIN.md')),
];
const SECTIONS = new Set([...DOMAIN.matchAll(/^#{2,3} §(\d+(?:\.\d+)?) /gm)].map((m) => m[1]));
const ANCHORS = new Set([...DOMAIN.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1]));

describe('citations of the domain', () => {
  it('finds the sections of docs/DOMAIN.md', () => {
    expect(SECTIONS.has('4.3')).toBe(true);
    expect(SECTIONS.has('9')).toBe(true);
    expect(ANCHORS.has('s5-3')).toBe(true);
  });

  it('cite no section of the specification kept outside the repository', () => {
    const spec = new RegExp(['SPEC', '\\s*§|SPEC', '\\.md'].join(''));
    const found = CITING.flatMap((file) =>
      read(file)
        .split('\n')
        .flatMap((line, i) => (spec.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(found).toEqual([]);
  });

  it('cite only sections docs/DOMAIN.md has', () => {
    const cited = CITING.flatMap((file) =>
      [...read(file).matchAll(/DOMAIN\.md`?\s+(§[\d.]+(?:\s*(?:,|and|–)\s*§[\d.]+)*)/g)].flatMap((m) =>
        [...m[1].matchAll(/§(\d+(?:\.\d+)?)/g)].map((s) => ({ file, section: s[1] })),
      ),
    );
    expect(cited.length).toBeGreaterThan(40);
    expect(cited.filter((c) => !SECTIONS.has(c.section))).toEqual([]);
  });

  it('README and docs link only inside the repository, to files and anchors that exist', () => {
    const broken = ['README.md', ...files('docs')].flatMap((file) =>
      [...read(file).matchAll(/\]\(<?([^)>\s]+)>?\)/g)]
        .map((m) => m[1])
        .filter((target) => !/^(https?|mailto):/.test(target))
        .filter((target) => {
          const [ref, anchor] = target.split('#');
          const resolved = ref ? path.resolve(root, path.dirname(file), ref) : path.join(root, file);
          if (!resolved.startsWith(root + path.sep) || !fs.existsSync(resolved)) return true;
          return anchor !== undefined && resolved === path.join(root, 'docs', 'DOMAIN.md') && !ANCHORS.has(anchor);
        })
        .map((target) => `${file}: ${target}`),
    );
    expect(broken).toEqual([]);
  });
});
