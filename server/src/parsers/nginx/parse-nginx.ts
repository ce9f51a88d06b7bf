import type { ParseError } from '../../core/problem.js';
import type { Range } from '../../core/range.js';
import type { SourceFile } from '../../core/source-file.js';
import type { NginxArgument, NginxDirective, NginxFile } from './nginx-model.js';
import { NginxTokenizer, type NginxToken } from './tokenize-nginx.js';

/**
 * Blocks whose bodies contain key/value entries instead of directives. Their children are kept
 * with `entry: true`. nginx still reads `include` inside `map`, `geo`, `types` and `num_map`.
 */
export const ENTRY_BODY_BLOCKS: ReadonlySet<string> = new Set([
  'map',
  'types',
  'geo',
  'split_clients',
  'match',
  'charset_map',
  'num_map',
]);

/** Suffix of the lua-nginx-module directives whose body is Lua code, not configuration. */
const LUA_BLOCK_SUFFIX = '_by_lua_block';

/** Name an environment variable needs for envsubst to replace `${NAME}`. */
const ENVIRONMENT_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

const SYNTAX_CODE = 'nginx-syntax';

interface Frame {
  /** Undefined for the file level and for a `{` that had no directive name. */
  directive: NginxDirective | undefined;
  children: NginxDirective[];
  entries: boolean;
}

/**
 * Parses an nginx configuration file into directives and blocks. It never throws: syntax errors
 * (code `nginx-syntax`) are returned in `errors` and parsing goes on after each one. Blocks are
 * parsed with an explicit stack, so deep nesting (tested at 10,000 levels) cannot overflow the
 * call stack.
 *
 * `templateVariables` lists every `${NAME}` reference, because a file may be rendered by the
 * nginx image's envsubst under any name. Callers that know the file is not a template ignore it.
 */
export function parseNginx(source: SourceFile): NginxFile {
  return new NginxParser(source).parse();
}

class NginxParser {
  private readonly tokenizer: NginxTokenizer;
  private readonly errors: ParseError[] = [];
  private readonly templateVariables: { name: string; range: Range }[] = [];
  private readonly root: NginxDirective[] = [];
  private readonly stack: Frame[] = [{ directive: undefined, children: this.root, entries: false }];
  private words: NginxToken[] = [];

  constructor(private readonly source: SourceFile) {
    this.tokenizer = new NginxTokenizer(source.text);
  }

  parse(): NginxFile {
    for (let token = this.tokenizer.next(); token !== undefined; token = this.tokenizer.next()) {
      switch (token.kind) {
        case 'comment':
          break;
        case 'word':
          this.addWord(token);
          // The string most likely lacks its closing quote just before a `;`, so end the
          // directive here instead of swallowing the next lines into it.
          if (token.unterminated === true) this.frame.children.push(this.takeDirective(token.end));
          break;
        case 'semicolon':
          this.endStatement(token);
          break;
        case 'open-brace':
          this.openBlock(token);
          break;
        case 'close-brace':
          this.closeBlock(token);
          break;
      }
    }
    this.finish();
    for (const error of this.tokenizer.errors) {
      this.errors.push(this.error(error.message, error.start, error.end));
    }
    this.errors.sort((a, b) =>
      a.range.start.line !== b.range.start.line
        ? a.range.start.line - b.range.start.line
        : a.range.start.character - b.range.start.character,
    );
    return {
      source: this.source,
      directives: this.root,
      templateVariables: this.templateVariables,
      errors: this.errors,
    };
  }

  private get frame(): Frame {
    return this.stack[this.stack.length - 1]!;
  }

  private addWord(token: NginxToken): void {
    this.words.push(token);
    for (const reference of token.variables) {
      if (reference.braced && ENVIRONMENT_NAME.test(reference.name)) {
        this.templateVariables.push({
          name: reference.name,
          range: this.source.rangeAt(reference.start, reference.end),
        });
      }
    }
  }

  private endStatement(semicolon: NginxToken): void {
    if (this.words.length === 0) {
      const message = 'Unexpected ";": there is no directive before it.';
      this.errors.push(this.error(message, semicolon.start, semicolon.end));
      return;
    }
    this.frame.children.push(this.takeDirective(semicolon.end));
  }

  private openBlock(brace: NginxToken): void {
    if (this.words.length === 0) {
      this.errors.push(
        this.error(
          'Unexpected "{": a block needs a directive name before it, such as "server {".',
          brace.start,
          brace.end,
        ),
      );
      // Read the body so that its braces still pair up, but keep it out of the tree.
      this.stack.push({ directive: undefined, children: [], entries: false });
      return;
    }
    const directive = this.takeDirective(brace.end);
    directive.block = [];
    this.frame.children.push(directive);

    if (directive.name.endsWith(LUA_BLOCK_SUFFIX)) {
      const end = this.tokenizer.skipLuaBlock();
      if (end === undefined) {
        this.reportUnclosed(directive, 0);
        directive.range = this.rangeFrom(directive, this.source.text.length);
      } else {
        directive.range = this.rangeFrom(directive, end);
      }
      return;
    }
    this.stack.push({
      directive,
      children: directive.block,
      entries: ENTRY_BODY_BLOCKS.has(directive.name),
    });
  }

  private closeBlock(brace: NginxToken): void {
    if (this.words.length > 0) this.recoverMissingSemicolon('unexpected "}"');
    if (this.stack.length === 1) {
      this.errors.push(
        this.error('Unexpected "}": no block is open here.', brace.start, brace.end),
      );
      return;
    }
    const closed = this.stack.pop()!;
    if (closed.directive !== undefined) {
      closed.directive.range = this.rangeFrom(closed.directive, brace.end);
    }
  }

  private finish(): void {
    if (this.words.length > 0) this.recoverMissingSemicolon('unexpected end of file');
    if (this.stack.length === 1) return;

    const end = this.source.text.length;
    let innermost: NginxDirective | undefined;
    let unclosed = 0;
    for (let index = this.stack.length - 1; index > 0; index--) {
      const directive = this.stack[index]!.directive;
      unclosed++;
      if (directive === undefined) continue;
      directive.range = this.rangeFrom(directive, end);
      innermost ??= directive;
    }
    if (innermost !== undefined) {
      this.reportUnclosed(innermost, unclosed - 1);
    } else {
      this.errors.push(this.error('Unexpected end of file: expected "}".', end, end));
    }
    this.stack.length = 1;
  }

  /** Ends the pending words as a directive that lacks its `;` and reports it. */
  private recoverMissingSemicolon(nginxError: string): void {
    const last = this.words[this.words.length - 1]!;
    const name = this.words[0]!.value;
    this.errors.push(
      this.error(
        `Missing ";" after the "${name}" directive: nginx fails with ${nginxError}.`,
        last.start,
        last.end,
      ),
    );
    this.frame.children.push(this.takeDirective(last.end));
  }

  private reportUnclosed(directive: NginxDirective, enclosingUnclosed: number): void {
    let others = '';
    if (enclosingUnclosed === 1) others = ' (1 enclosing block is not closed either)';
    if (enclosingUnclosed > 1) {
      others = ` (${enclosingUnclosed} enclosing blocks are not closed either)`;
    }
    this.errors.push({
      code: SYNTAX_CODE,
      message:
        `The "${directive.name}" block is not closed${others}: ` +
        'add "}" before the end of the file.',
      range: directive.nameRange,
      severity: 'error',
    });
  }

  private takeDirective(end: number): NginxDirective {
    const [nameToken, ...argumentTokens] = this.words;
    this.words = [];
    const frame = this.frame;
    const directive: NginxDirective = {
      name: nameToken!.value,
      nameRange: this.source.rangeAt(nameToken!.start, nameToken!.end),
      args: argumentTokens.map((token) => this.argument(token)),
      range: this.source.rangeAt(nameToken!.start, end),
      file: this.source.path,
    };
    if (frame.directive !== undefined) directive.parent = frame.directive;
    if (frame.entries) directive.entry = true;
    return directive;
  }

  private argument(token: NginxToken): NginxArgument {
    return {
      value: token.value,
      raw: token.raw,
      range: this.source.rangeAt(token.start, token.end),
      quoted: token.quoted,
    };
  }

  private rangeFrom(directive: NginxDirective, end: number): Range {
    return { start: directive.range.start, end: this.source.positionAt(end) };
  }

  private error(message: string, start: number, end: number): ParseError {
    const range = this.source.rangeAt(start, end);
    return { code: SYNTAX_CODE, message, range, severity: 'error' };
  }
}
