import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { READ_ONLY_JOINS, SHARED_READS, TABLE_OWNERS, type TableName, type TableOwner } from './table-owners.ts';

// This file sits in src/server/platform/db: the server's sources are two folders up.
const server = resolve(import.meta.dirname, '../..');
const root = resolve(server, '../..');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'migrations' ? [] : filesUnder(path);
    return name.endsWith('.ts') && !/\.test(-support)?\.ts$/.test(name) ? [path] : [];
  });
}

/** The module a file belongs to: its folder under modules/, or `platform`. */
function ownerOf(file: string): TableOwner | null {
  const rel = relative(server, file).split('/');
  if (rel[0] === 'modules') return rel[1] as TableOwner;
  return rel[0] === 'platform' ? 'platform' : null;
}

const isTable = (name: string): name is TableName => Object.hasOwn(TABLE_OWNERS, name);

// Kysely calls, then raw SQL (upper case, as the code writes it): writes first, then reads.
const WRITES = [/\b(insertInto|updateTable|deleteFrom|mergeInto)\(\s*'([a-z_]+)/g, /\b(INSERT\s+INTO|UPDATE|DELETE\s+FROM|MERGE\s+INTO)\s+([a-z_]+)\b/g];
const READS = [/\b(selectFrom|innerJoin|leftJoin|rightJoin|fullJoin|lockForUpdate\([^,]+,[^,]+,)\(?\s*'([a-z_]+)/g, /\b(FROM|JOIN)\s+([a-z_]+)\b/g];

interface Touch {
  file: string;
  line: number;
  table: TableName;
  how: string;
  write: boolean;
  owner: TableOwner;
}

function touches(file: string): Touch[] {
  const owner = ownerOf(file)!;
  const text = readFileSync(file, 'utf8');
  const lineAt = (index: number) => text.slice(0, index).split('\n').length;
  const out: Touch[] = [];
  for (const [patterns, write] of [
    [WRITES, true],
    [READS, false],
  ] as const) {
    for (const pattern of patterns) {
      for (const m of text.matchAll(pattern)) {
        const table = m[2]!;
        if (isTable(table)) out.push({ file: relative(root, file), line: lineAt(m.index), table, how: m[1]!.replace(/\(.*/, ''), write, owner });
      }
    }
  }
  return out;
}

function violations(): string[] {
  const scanned = [...filesUnder(join(server, 'modules')), ...filesUnder(join(server, 'platform'))];
  return scanned
    .flatMap(touches)
    .filter((t) => TABLE_OWNERS[t.table] !== t.owner)
    .filter((t) => t.write || !(SHARED_READS.includes(t.table) || READ_ONLY_JOINS[t.owner]?.[t.table]))
    .map((t) => `${t.file}:${t.line}: ${t.how} ${t.table} (${t.owner} ${t.write ? 'writes' : 'reads'} ${TABLE_OWNERS[t.table]}'s table)`);
}

describe('table ownership', () => {
  it('every module writes only its own tables and reads others only as documented', () => {
    expect(violations()).toEqual([]);
  });

  it('the scan sees Kysely and raw SQL alike', () => {
    const sample = join(server, 'modules/moderation/moderation.repository.ts');
    const found = touches(sample).map((t) => `${t.how} ${t.table}`);
    expect(found).toContain('insertInto reports');
    expect(found).toContain('leftJoin threads');
    expect('x'.replace(/x/, `UPDATE reply_tokens SET`).match(WRITES[1]!)?.[0]).toBe('UPDATE reply_tokens');
  });

  it('every documented exception names a table another module owns', () => {
    for (const [reader, tables] of Object.entries(READ_ONLY_JOINS)) {
      for (const table of Object.keys(tables!)) expect(TABLE_OWNERS[table as TableName], `${reader} reads ${table}`).not.toBe(reader);
    }
  });
});
