/**
 * Fails when imports go round in a circle: between files anywhere under src/, and between
 * modules (a module is a folder under src/server/modules). Type-only imports count: a
 * module that names another's types depends on it as much as one that calls it. Tests
 * (`*.test.ts`, `*.test-support.ts`) count for file cycles but not for module layering: a
 * test may build whatever it needs from other modules' test support.
 *
 * A regex over import/export-from statements is enough here: every import in src/ is a
 * static, relative path with its extension (no aliases, no barrels). Run by `npm run lint`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const src = join(root, 'src');
const MODULES = 'src/server/modules/';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"](\.[^'"]+)['"]|(?:^|\n)\s*import\s*['"](\.[^'"]+\.tsx?)['"]/g;

const files = filesUnder(src).map((f) => relative(root, f));
const graph = new Map<string, Set<string>>();
for (const file of files) {
  const text = readFileSync(join(root, file), 'utf8');
  const targets = new Set<string>();
  for (const m of text.matchAll(IMPORT)) {
    const target = relative(root, resolve(root, dirname(file), (m[1] ?? m[2])!));
    if (/\.(ts|tsx)$/.test(target)) targets.add(target);
  }
  graph.set(file, targets);
}

const moduleOf = (file: string) => (file.startsWith(MODULES) ? file.slice(MODULES.length).split('/')[0]! : null);
const moduleGraph = new Map<string, Set<string>>();
const moduleEdgeWitness = new Map<string, string>();
for (const [file, targets] of graph) {
  const from = moduleOf(file);
  if (!from || /\.test(-support)?\.tsx?$/.test(file)) continue;
  for (const target of targets) {
    const to = moduleOf(target);
    if (!to || to === from) continue;
    if (!moduleGraph.has(from)) moduleGraph.set(from, new Set());
    moduleGraph.get(from)!.add(to);
    moduleEdgeWitness.set(`${from}->${to}`, `${file} -> ${target}`);
  }
}

/** Strongly connected components with more than one node (Tarjan): each one holds a cycle. */
function cycles(g: Map<string, Set<string>>): string[][] {
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    indexOf.set(v, index);
    low.set(v, index);
    index += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of g.get(v) ?? []) {
      if (!indexOf.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indexOf.get(w)!));
    }
    if (low.get(v) === indexOf.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || g.get(v)?.has(v)) out.push(component.sort());
    }
  };
  for (const v of g.keys()) if (!indexOf.has(v)) visit(v);
  return out;
}

const fileCycles = cycles(graph);
const moduleCycles = cycles(moduleGraph);
for (const c of fileCycles) console.error(`File cycle: ${c.join(', ')}`);
for (const c of moduleCycles) {
  const edges = [...moduleEdgeWitness].filter(([edge]) => c.includes(edge.split('->')[0]!) && c.includes(edge.split('->')[1]!));
  console.error(`Module cycle: ${c.join(', ')}\n${edges.map(([edge, w]) => `  ${edge}: ${w}`).join('\n')}`);
}
if (fileCycles.length + moduleCycles.length > 0) process.exit(1);
