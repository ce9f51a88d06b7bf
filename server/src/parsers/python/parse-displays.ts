import { ParserBase } from './parser-base.js';
import type { ComprehensionClause, Expr } from './python-ast.js';
import type { PyToken } from './python-token.js';

type Comprehension = Expr & { kind: 'comprehension' };

/**
 * Bracketed displays of the expression grammar: parenthesised expressions and tuples, list,
 * set and dict displays, and comprehensions. The expression rules they contain come from
 * `ExpressionParser`.
 */
export abstract class DisplayParser extends ParserBase {
  abstract parseExpression(): Expr;
  abstract parseStarExpression(): Expr;
  abstract parseDisjunction(): Expr;
  abstract parseBitOr(): Expr;
  protected abstract parseYield(): Expr;

  protected parseParenthesized(): Expr {
    const open = this.next();
    this.enter();
    try {
      if (this.atOp(')')) {
        const close = this.next();
        return this.node({ kind: 'tuple', items: [] }, open.start, close.end);
      }
      if (this.atKeyword('yield')) {
        const value = this.parseYield();
        this.expectOp(')');
        return value;
      }
      const first = this.parseStarExpression();
      if (this.atKeyword('for') || this.atKeyword('async')) {
        const comprehension = this.parseComprehension(first, 'generator', open.start, undefined);
        const close = this.expectOp(')');
        return this.node({ ...comprehension }, open.start, close.end);
      }
      if (this.atOp(')')) {
        const close = this.next();
        if (first.kind === 'starred') this.failAt(close, 'cannot use starred expression here');
        this.markParenthesized(first, open.start, close.end);
        return first;
      }
      const items = [first];
      while (this.eatOp(',')) {
        if (this.atOp(')')) break;
        items.push(this.parseStarExpression());
      }
      const close = this.expectOp(')');
      return this.node({ kind: 'tuple', items }, open.start, close.end);
    } finally {
      this.depth--;
    }
  }

  protected parseListDisplay(): Expr {
    const open = this.next();
    this.enter();
    try {
      const items: Expr[] = [];
      if (!this.atOp(']')) {
        const first = this.parseStarExpression();
        if (this.atKeyword('for') || this.atKeyword('async')) {
          const comprehension = this.parseComprehension(first, 'list', open.start, undefined);
          const close = this.expectOp(']');
          return this.node({ ...comprehension }, open.start, close.end);
        }
        items.push(first);
        while (this.eatOp(',')) {
          if (this.atOp(']')) break;
          items.push(this.parseStarExpression());
        }
      }
      const close = this.expectOp(']');
      return this.node({ kind: 'list', items }, open.start, close.end);
    } finally {
      this.depth--;
    }
  }

  protected parseBraceDisplay(): Expr {
    const open = this.next();
    this.enter();
    try {
      if (this.atOp('}')) {
        const close = this.next();
        return this.node({ kind: 'dict', entries: [] }, open.start, close.end);
      }
      if (this.atOp('**')) return this.parseDictRest(open, null);
      const first = this.parseStarExpression();
      if (this.atOp(':')) return this.parseDictRest(open, first);
      if (this.atKeyword('for') || this.atKeyword('async')) {
        const comprehension = this.parseComprehension(first, 'set', open.start, undefined);
        const close = this.expectOp('}');
        return this.node({ ...comprehension }, open.start, close.end);
      }
      const items = [first];
      while (this.eatOp(',')) {
        if (this.atOp('}')) break;
        items.push(this.parseStarExpression());
      }
      const close = this.expectOp('}');
      return this.node({ kind: 'set', items }, open.start, close.end);
    } finally {
      this.depth--;
    }
  }

  /** Rest of a dict display or dict comprehension after its first key (null for `**mapping`). */
  private parseDictRest(open: PyToken, firstKey: Expr | null): Expr {
    const entries: { key: Expr | null; value: Expr }[] = [];
    let key = firstKey;
    for (;;) {
      if (key === null) {
        this.expectOp('**');
        entries.push({ key: null, value: this.parseBitOr() });
      } else {
        this.expectOp(':');
        const value = this.parseExpression();
        if (entries.length === 0 && (this.atKeyword('for') || this.atKeyword('async'))) {
          const comprehension = this.parseComprehension(value, 'dict', open.start, key);
          const close = this.expectOp('}');
          return this.node({ ...comprehension }, open.start, close.end);
        }
        entries.push({ key, value });
      }
      if (!this.eatOp(',') || this.atOp('}')) break;
      key = this.atOp('**') ? null : this.parseExpression();
    }
    const close = this.expectOp('}');
    return this.node({ kind: 'dict', entries }, open.start, close.end);
  }

  /** `for ... in ... if ...` clauses after the element of a comprehension. */
  protected parseComprehension(
    element: Expr,
    form: 'list' | 'set' | 'dict' | 'generator',
    start: number,
    key: Expr | undefined,
  ): Comprehension {
    const generators: ComprehensionClause[] = [];
    while (this.atKeyword('for') || (this.atKeyword('async') && this.atKeyword('for', 1))) {
      const isAsync = this.eatKeyword('async');
      this.next();
      const target = this.parseTargetList();
      if (!this.eatKeyword('in')) this.failAt(this.peek(), "expected 'in' in comprehension");
      const iter = this.parseDisjunction();
      const ifs: Expr[] = [];
      while (this.eatKeyword('if')) ifs.push(this.parseDisjunction());
      const clause: ComprehensionClause = { target, iter, ifs };
      if (isAsync) clause.isAsync = true;
      generators.push(clause);
    }
    const comprehension: Omit<Comprehension, 'range'> = {
      kind: 'comprehension',
      element,
      form,
      generators,
    };
    if (key) comprehension.key = key;
    return this.node(comprehension, start, this.lastEnd) as Comprehension;
  }

  /** Targets of `for`: `a`, `a, b`, `(a, b)`, `*rest`. */
  protected parseTargetList(): Expr {
    const start = this.peek().start;
    const target = () => {
      if (!this.atOp('*')) return this.parseBitOr();
      const starStart = this.next().start;
      const value = this.parseBitOr();
      return this.node({ kind: 'starred', value }, starStart, this.endOf(value));
    };
    const first = target();
    if (!this.atOp(',')) return first;
    const items = [first];
    while (this.eatOp(',')) {
      if (this.atKeyword('in') || !this.startsExpression()) break;
      items.push(target());
    }
    return this.node({ kind: 'tuple', items }, start, this.lastEnd);
  }
}
