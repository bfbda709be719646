/**
 * Hostile inputs: long lines of each shape that once made a regular expression in Sitrep
 * backtrack (issue 13), placed where each rule and reader looks at them. Shared by the unit test
 * (test/unit/adversarial.test.ts: each must complete) and the benchmark (bench/adversarial.bench.ts:
 * how long each takes).
 */

/** One line of about `size` characters. */
export interface Shape {
  name: string;
  line: (size: number) => string;
}

const rep = (s: string, size: number) => s.repeat(Math.max(1, Math.ceil(size / s.length))).slice(0, size);

export const SHAPES: Shape[] = [
  { name: 'empty table cells', line: (n) => rep('|   ', n) + ' done |' },
  { name: 'table delimiter cells', line: (n) => rep('| :-: ', n) + 'x' },
  { name: 'spaces then a letter', line: (n) => 'a' + rep(' ', n) + 'b' },
  { name: 'heading with spaces', line: (n) => '## a' + rep(' ', n) + 'b' },
  { name: 'heading with closing hashes', line: (n) => '## a' + rep(' #', n) + 'b' },
  { name: 'open parentheses', line: (n) => '## ' + rep('(', n) },
  { name: 'list item of open parentheses', line: (n) => '- ' + rep('(', n) + 'x' },
  { name: 'action fields separators', line: (n) => '- Fix it;' + rep(' ', n) + 'x' },
  { name: 'action owner keys', line: (n) => '- Fix it ' + rep(', owner ', n) + 'x' },
  { name: 'action key words without colon', line: (n) => '- Fix it (owner: a, ' + rep('due date ', n) + 'x' },
  { name: 'action bare handles', line: (n) => '- Fix it ' + rep('(@a', n) + rep('[@a ', n / 2) },
  { name: 'action due words after spaces', line: (n) => '- Fix it' + rep(' due', n) + ' 2026-12-01' },
  { name: 'action strike marks', line: (n) => '- ' + rep('~~x ', n) + '~~' },
  { name: 'source without close', line: (n) => '- 2026-11-27T10:00:00Z [fact] x (source:' + rep(' ', n) + 'x' },
  { name: 'source parentheses', line: (n) => '- 2026-11-27T10:00:00Z [fact] x ' + rep('(source:(', n) },
  { name: 'control comments', line: (n) => rep('<!-- sitrep-disable ', n) + 'x' },
  { name: 'comment with spaces', line: (n) => '<!--' + rep(' ', n) + 'x' },
  { name: 'root cause claims', line: (n) => 'The root cause' + rep(' ', n) + 'x' },
  { name: 'root cause colons', line: (n) => 'Root cause' + rep(' *_:', n) + 'x' },
  { name: 'many blame phrases', line: (n) => rep('human error, ', n) },
  { name: 'refutations before a phrase', line: (n) => rep('not just ', n) + 'human error' },
  { name: 'negations and quotes', line: (n) => rep('no "', n) + 'x' },
  { name: 'timestamps', line: (n) => rep('10:00 ', n) },
  { name: 'dates', line: (n) => rep('2026-11-27 ', n) },
  { name: 'dots', line: (n) => 'done' + rep('.', n) + 'x' },
  { name: 'dashes', line: (n) => 'a' + rep('-', n) + 'x' },
  { name: 'hashes after spaces', line: (n) => 'key:' + rep(' #', n) + 'x' },
  { name: 'backtick runs', line: (n) => rep('`a``', n) },
  { name: 'emphasis runs', line: (n) => rep('*_', n) + 'x' },
  { name: 'brackets', line: (n) => '- ' + rep('[', n) + 'x' },
  { name: 'tabs', line: (n) => '-' + rep('\t', n) + 'x' },
  { name: 'labels without colon', line: (n) => '- **' + rep('Known ', n) },
  { name: 'line separator after spaces', line: (n) => 'next_update:' + rep(' ', n) + '\u2028x' },
  { name: 'pipes', line: (n) => rep('|', n) + 'x' },
  { name: 'key colon spaces', line: (n) => 'owner' + rep(' ', n) + 'x' },
];

/**
 * Places in a document where a line is read: [section heading, how the line appears]. A document
 * holds the line in a few places at a time (DOCUMENT_SLOTS), so it stays under the size cap.
 */
type Slot = { kind: 'postmortem' | 'incident'; section: string; put: (line: string) => string };

const cell = (line: string) => line.replace(/\|/g, '\\|');

export const SLOTS: Slot[] = [
  { kind: 'postmortem', section: '', put: (l) => `# ${l}` },
  { kind: 'postmortem', section: 'Summary', put: (l) => l },
  { kind: 'postmortem', section: 'Summary', put: (l) => `## ${l}` },
  { kind: 'postmortem', section: 'Impact', put: (l) => `| Journey | Users | Duration |\n| --- | --- | --- |\n| ${cell(l)} | ${cell(l)} | x |` },
  { kind: 'postmortem', section: 'Impact', put: (l) => `| ${cell(l)} | Users |\n| --- | --- |\n| a | b |` },
  { kind: 'postmortem', section: 'Timeline', put: (l) => `- ${l}` },
  { kind: 'postmortem', section: 'Timeline', put: (l) => `- 2026-11-27T10:00:00Z [fact] ${l}` },
  { kind: 'postmortem', section: 'Timeline', put: (l) => l },
  { kind: 'postmortem', section: 'Timeline', put: (l) => `| Time | Event |\n| --- | --- |\n| ${cell(l)} | ${cell(l)} |` },
  { kind: 'postmortem', section: 'Timeline', put: (l) => `| Time | Event |\n| --- | --- |\n${l}` },
  { kind: 'postmortem', section: 'Contributing factors', put: (l) => `- ${l}` },
  { kind: 'postmortem', section: 'Contributing factors', put: (l) => `- Process: ${l}` },
  { kind: 'postmortem', section: 'Action items', put: (l) => `- ${l}` },
  { kind: 'postmortem', section: 'Action items', put: (l) => `- [ ] Alert on errors (owner: @a, due: 2026-12-01, category: detect, verify: ${l})` },
  { kind: 'postmortem', section: 'Action items', put: (l) => `| Action | Owner | Due | Category | Verification |\n| --- | --- | --- | --- | --- |\n| ${cell(l)} | ${cell(l)} | ${cell(l)} | x | y |` },
  { kind: 'postmortem', section: 'Action items', put: (l) => `| Action | Owner | Due | Category | Verification |\n| --- | --- | --- | --- | --- |\n| Fix | @a | 2026-12-01 | detect | ${cell(l)} |` },
  { kind: 'postmortem', section: 'Action items', put: (l) => `| ${cell(l)} | Owner |\n| --- | --- |\n| a | b |` },
  { kind: 'incident', section: 'Timeline', put: (l) => `- 2026-11-27T10:00:00Z [fact] ${l}` },
  { kind: 'incident', section: 'Timeline', put: (l) => `- ${l}` },
  { kind: 'incident', section: 'Status updates', put: (l) => `### 2026-11-27T10:00:00Z ${l}\n\n- **Known:** ${l}` },
  { kind: 'incident', section: 'Status updates', put: (l) => `### 2026-11-27T10:00:00Z update\n\n- **Next update:** ${l}\n- ${l}` },
  { kind: 'incident', section: 'Checkpoints', put: (l) => `### ${l}\n\n- **Current state:** ${l}` },
];

/** How many slots one document fills (each holds the line once or twice). */
export const DOCUMENT_SLOTS = 3;

const POSTMORTEM_HEAD = ['---', 'type: postmortem', 'incident: 2026-11-27-checkout-5xx-k3f9', 'title: Checkout', 'severity: SEV2', 'status: draft', 'started: 2026-11-27T09:00:00Z', 'authors: ["@a"]', '---', ''];
const INCIDENT_HEAD = ['---', 'type: incident', 'id: 2026-11-27-checkout-5xx-k3f9', 'title: Checkout', 'severity: SEV2', 'status: investigating', 'started: 2026-11-27T09:00:00Z', 'roles:', '  commander: "@a"', '---', ''];

/** Documents holding the line in every slot, a few slots per document. */
export function documentsWith(line: string): Array<{ kind: 'postmortem' | 'incident'; text: string }> {
  const out: Array<{ kind: 'postmortem' | 'incident'; text: string }> = [];
  for (const kind of ['postmortem', 'incident'] as const) {
    const slots = SLOTS.filter((s) => s.kind === kind);
    for (let i = 0; i < slots.length; i += DOCUMENT_SLOTS) {
      const body: string[] = [...(kind === 'postmortem' ? POSTMORTEM_HEAD : INCIDENT_HEAD)];
      for (const s of slots.slice(i, i + DOCUMENT_SLOTS)) {
        if (s.section) body.push(`## ${s.section}`, '');
        body.push(s.put(line), '');
      }
      out.push({ kind, text: body.join('\n') });
    }
  }
  return out;
}

/** Front matter shapes: many keys, repeated keys, a long value (each about `size` characters). */
export function frontMatterDocuments(size: number): string[] {
  const keys: string[] = [];
  let n = 0;
  for (let i = 0; n < size; i++) {
    const k = `k${i}: v`;
    keys.push(k);
    n += k.length + 1;
  }
  return [
    `---\ntype: postmortem\n${keys.join('\n')}\n---\n\n# x\n`,
    `---\ntype: postmortem\n${'a: 1\n'.repeat(Math.floor(size / 5))}---\n\n# x\n`,
    `---\ntype: postmortem\ntitle: ${'a '.repeat(Math.floor(size / 2))}x\n---\n\n# x\n`,
    `---\r${'k: v\r'.repeat(Math.floor(size / 5))}---\r\r# x\r`,
  ];
}
