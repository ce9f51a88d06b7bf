import type { ParseError } from '../../core/problem.js';
import type { Range } from '../../core/range.js';
import type { SourceFile } from '../../core/source-file.js';

/** Expression node of the subset of Python that settings modules use; anything else is `unknown`. */
export type Expr =
  | { kind: 'str'; value: string; range: Range; bytes?: boolean }
  | {
      kind: 'fstring';
      parts: (string | Expr)[];
      range: Range;
      /** Conversion and format specification of each expression part, in order. */
      fields?: FStringField[];
    }
  | { kind: 'num'; value: number; isFloat: boolean; range: Range }
  | { kind: 'bool'; value: boolean; range: Range }
  | { kind: 'none'; range: Range }
  | { kind: 'name'; id: string; range: Range }
  | { kind: 'attribute'; object: Expr; name: string; range: Range }
  | { kind: 'call'; func: Expr; args: Expr[]; keywords: { name: string | null; value: Expr }[]; range: Range }
  | { kind: 'subscript'; object: Expr; index: Expr; range: Range }
  | { kind: 'slice'; lower?: Expr; upper?: Expr; step?: Expr; range: Range }
  | { kind: 'binary'; op: string; left: Expr; right: Expr; range: Range }
  | { kind: 'unary'; op: string; operand: Expr; range: Range }
  | { kind: 'compare'; ops: string[]; operands: Expr[]; range: Range }
  | { kind: 'boolean'; op: 'and' | 'or'; values: Expr[]; range: Range }
  | { kind: 'conditional'; test: Expr; body: Expr; orelse: Expr; range: Range }
  | { kind: 'list' | 'tuple' | 'set'; items: Expr[]; range: Range }
  | { kind: 'dict'; entries: { key: Expr | null; value: Expr }[]; range: Range }
  | {
      kind: 'comprehension';
      element: Expr;
      range: Range;
      /** `[...]`, `{...}` (a set, or a dict when `key` is set) or `(...)`. */
      form?: 'list' | 'set' | 'dict' | 'generator';
      /** Key of a dict comprehension; `element` is then the value. */
      key?: Expr;
      generators?: ComprehensionClause[];
    }
  | { kind: 'lambda'; range: Range }
  | { kind: 'starred'; value: Expr; range: Range }
  | { kind: 'unknown'; range: Range };

/** Module-level statement; bodies of `def` and `class` are kept unread as `other`. */
export type Stmt =
  | { kind: 'assign'; targets: Expr[]; value: Expr; range: Range }
  | { kind: 'annassign'; target: Expr; value?: Expr; range: Range }
  | { kind: 'augassign'; target: Expr; op: string; value: Expr; range: Range }
  | { kind: 'if'; test: Expr; body: Stmt[]; orelse: Stmt[]; range: Range }
  | {
      kind: 'try';
      body: Stmt[];
      handlers: Stmt[][];
      orelse: Stmt[];
      finalbody: Stmt[];
      range: Range;
      /** Exception type of each handler, null for a bare `except:`. */
      handlerTypes?: (Expr | null)[];
    }
  | { kind: 'with'; body: Stmt[]; range: Range; items?: { context: Expr; target?: Expr }[] }
  | {
      kind: 'for' | 'while';
      body: Stmt[];
      range: Range;
      /** Loop variable and iterable of a `for`. */
      target?: Expr;
      iter?: Expr;
      /** Condition of a `while`. */
      test?: Expr;
      orelse?: Stmt[];
    }
  | { kind: 'import'; names: { name: string; asname?: string }[]; range: Range }
  | {
      kind: 'from';
      module: string;
      level: number;
      names: { name: string; asname?: string }[];
      star: boolean;
      range: Range;
      moduleRange: Range;
    }
  | { kind: 'expr'; value: Expr; range: Range }
  | { kind: 'def' | 'class'; name: string; range: Range }
  | { kind: 'other'; range: Range };

/** `!r`, `!s`, `!a` and the `:spec` of one f-string replacement field. */
export interface FStringField {
  conversion?: string;
  formatSpec?: (string | Expr)[];
}

/** One `for target in iter if cond` clause of a comprehension. */
export interface ComprehensionClause {
  target: Expr;
  iter: Expr;
  ifs: Expr[];
  isAsync?: boolean;
}

export interface PythonModule {
  source: SourceFile;
  body: Stmt[];
  errors: ParseError[];
}
