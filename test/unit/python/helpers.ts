import type { Location } from '../../../server/src/core/range.js';
import { SourceFile } from '../../../server/src/core/source-file.js';
import {
  evaluateSettings,
  resolverFor,
} from '../../../server/src/parsers/python/evaluate-settings.js';
import { parsePython } from '../../../server/src/parsers/python/parse-python.js';
import type { Expr, PythonModule, Stmt } from '../../../server/src/parsers/python/python-ast.js';
import type {
  PyValue,
  SettingsEvaluation,
} from '../../../server/src/parsers/python/settings-model.js';

export function parse(text: string, path = 'settings.py'): PythonModule {
  return parsePython(new SourceFile(path, text));
}

/** The value of the first statement, which must be an assignment or expression statement. */
export function expr(text: string): Expr {
  const statement = parse(`${text}\n`).body[0];
  if (statement?.kind === 'assign') return statement.value;
  if (statement?.kind === 'expr') return statement.value;
  throw new Error(`no expression in ${text}`);
}

/** Python-like text of an expression tree, with explicit parentheses, for precedence checks. */
export function show(node: Expr): string {
  switch (node.kind) {
    case 'str':
      return JSON.stringify(node.value);
    case 'num':
      return String(node.value);
    case 'bool':
      return node.value ? 'True' : 'False';
    case 'none':
      return 'None';
    case 'name':
      return node.id;
    case 'attribute':
      return `${show(node.object)}.${node.name}`;
    case 'call': {
      const args = [
        ...node.args.map(show),
        ...node.keywords.map((keyword) => `${keyword.name ?? '**'}=${show(keyword.value)}`),
      ];
      return `${show(node.func)}(${args.join(', ')})`;
    }
    case 'subscript':
      return `${show(node.object)}[${show(node.index)}]`;
    case 'slice':
      return [node.lower, node.upper, node.step].map((part) => (part ? show(part) : '')).join(':');
    case 'binary':
      return `(${show(node.left)} ${node.op} ${show(node.right)})`;
    case 'unary':
      return `(${node.op}${node.op === 'not' ? ' ' : ''}${show(node.operand)})`;
    case 'compare':
      const operands = node.operands.map((operand, i) =>
        i === 0 ? show(operand) : `${node.ops[i - 1]} ${show(operand)}`,
      );
      return `(${operands.join(' ')})`;
    case 'boolean':
      return `(${node.values.map(show).join(` ${node.op} `)})`;
    case 'conditional':
      return `(${show(node.body)} if ${show(node.test)} else ${show(node.orelse)})`;
    case 'list':
      return `[${node.items.map(show).join(', ')}]`;
    case 'tuple':
      return `(${node.items.map(show).join(', ')}${node.items.length === 1 ? ',' : ''})`;
    case 'set':
      return `{${node.items.map(show).join(', ')}}`;
    case 'dict':
      const entries = node.entries.map((entry) =>
        entry.key ? `${show(entry.key)}: ${show(entry.value)}` : `**${show(entry.value)}`,
      );
      return `{${entries.join(', ')}}`;
    case 'comprehension': {
      const clauses = (node.generators ?? []).map(
        (clause) =>
          ` for ${show(clause.target)} in ${show(clause.iter)}` +
          clause.ifs.map((condition) => ` if ${show(condition)}`).join(''),
      );
      const key = node.key ? `${show(node.key)}: ` : '';
      return `${node.form}[${key}${show(node.element)}${clauses.join('')}]`;
    }
    case 'fstring':
      const parts = node.parts.map((part) =>
        typeof part === 'string' ? JSON.stringify(part) : `{${show(part)}}`,
      );
      return `f(${parts.join(' ')})`;
    case 'starred':
      return `*${show(node.value)}`;
    default:
      return node.kind;
  }
}

export function kinds(statements: Stmt[]): string[] {
  return statements.map((statement) => statement.kind);
}

/** Evaluates `files[entry]` (the last file by default) under the given environment. */
export function evaluate(
  files: Record<string, string>,
  env: Record<string, string> = {},
  entry?: string,
): SettingsEvaluation {
  const modules = new Map<string, PythonModule>();
  for (const [path, text] of Object.entries(files)) modules.set(path, parse(text, path));
  const entryPath = entry ?? Object.keys(files)[Object.keys(files).length - 1]!;
  return evaluateSettings(modules.get(entryPath)!, resolverFor(modules), (name) => {
    const value = env[name];
    if (value === undefined) return undefined;
    const location: Location = {
      file: '.env',
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: name.length } },
    };
    return { value, location };
  });
}

/** Final value of a setting, evaluated from a single settings.py. */
export function valueOf(
  text: string,
  name: string,
  env: Record<string, string> = {},
): PyValue | undefined {
  return evaluate({ 'settings.py': text }, env).settings.get(name)?.value;
}

/** Plain JavaScript form of a known value, for compact comparisons; unknown is `'?'`. */
export function plain(value: PyValue | undefined): unknown {
  if (!value) return undefined;
  switch (value.type) {
    case 'str':
    case 'int':
    case 'float':
    case 'bool':
      return value.value;
    case 'none':
      return null;
    case 'list':
    case 'tuple':
    case 'set':
      return value.items.map(plain);
    case 'dict':
      return Object.fromEntries(
        value.entries.map((entry) => [String(plain(entry.key)), plain(entry.value)]),
      );
    case 'unknown':
      return '?';
  }
}

/** Python source from lines, each ended by a newline. */
export function py(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}
