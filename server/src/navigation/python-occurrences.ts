import type { Range } from '../core/range.js';
import type { SourceFile } from '../core/source-file.js';
import { forEachExpression, statementBlocks, statementExpressions } from '../parsers/python/ast-walk.js';
import { envScopeForModule, moduleEnvReads } from '../parsers/python/env-reads.js';
import type { Expr, PythonModule, Stmt } from '../parsers/python/python-ast.js';
import { isEnvironConstructor } from '../parsers/python/python-symbols.js';
import type { EnvRead } from '../parsers/python/settings-model.js';

/** A variable name written in a settings module: the name string of a read, or a schema keyword. */
export interface PythonNameUse {
  name: string;
  /** Range the parser gives: the name's string literal, or the whole call for an implicit name. */
  range: Range;
  origin: 'settings-read' | 'environ-schema';
}

/**
 * Lists the variable names a module writes: every environment read the static scan recognises,
 * the reads an evaluation of the module found (`evaluated`, which include names computed from
 * constants), and the keywords of django-environ schemas, `environ.Env(DEBUG=(bool, False))`.
 */
export function pythonNameUses(module: PythonModule, evaluated: readonly EnvRead[]): PythonNameUse[] {
  const uses: PythonNameUse[] = [];
  const seen = new Set<string>();
  const add = (use: PythonNameUse) => {
    const key = `${use.range.start.line}:${use.range.start.character}:${use.name}`;
    if (seen.has(key)) return;
    seen.add(key);
    uses.push(use);
  };
  for (const read of [...moduleEnvReads(module), ...evaluated]) {
    if (read.file === module.source.path) add({ name: read.name, range: read.nameRange, origin: 'settings-read' });
  }
  for (const keyword of schemaKeywords(module)) add({ ...keyword, origin: 'environ-schema' });
  return uses;
}

/** Name and range of each keyword of each `environ.Env(...)` call in the module. */
function schemaKeywords(module: PythonModule): { name: string; range: Range }[] {
  const scope = envScopeForModule(module);
  const keywords: { name: string; range: Range }[] = [];
  const visitExpression = (root: Expr) =>
    forEachExpression(root, (node) => {
      if (node.kind !== 'call' || !isEnvironConstructor(node, scope)) return;
      for (const keyword of node.keywords) {
        if (keyword.name === null) continue;
        const range = keywordNameRange(module.source, keyword.name, keyword.value.range);
        if (range) keywords.push({ name: keyword.name, range });
      }
    });
  const visit = (statements: Stmt[]) => {
    for (const statement of statements) {
      for (const expr of statementExpressions(statement)) visitExpression(expr);
      for (const block of statementBlocks(statement)) visit(block);
    }
  };
  visit(module.body);
  return keywords;
}

/** Text before a keyword's value: the name, `=`, and the opening brackets of the value. */
const keywordBeforeValue = /([A-Za-z_][A-Za-z0-9_]*)\s*=\s*[(\s]*$/;

/**
 * Finds `name` of `name=value` from the value's range. The AST keeps no range for keyword
 * names, so the text just before the value is matched, and undefined is returned when it is
 * anything but `name =`.
 */
function keywordNameRange(source: SourceFile, name: string, valueRange: Range): Range | undefined {
  const valueStart = source.offsetAt(valueRange.start);
  const before = source.text.slice(Math.max(0, valueStart - name.length - 200), valueStart);
  const match = keywordBeforeValue.exec(before);
  if (!match || match[1] !== name) return undefined;
  const start = valueStart - before.length + match.index;
  return source.rangeAt(start, start + name.length);
}
