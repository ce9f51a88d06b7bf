// Expands a VS Code snippet body the way accepting every default would: placeholders take their
// default text, choices their first option, and mirrors of a tabstop repeat its default.

export interface ExpandOptions {
  /** Text for tabstops that have no default anywhere in the body (`$0`, a bare `$1`). */
  tabstopText?: Record<number, string>;
  /** Replaces each leading tab, as VS Code does with the editor's indentation settings. */
  indentUnit?: string;
  /** Indentation of the insertion line, which VS Code prefixes to every line after the first. */
  baseIndent?: string;
}

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'tabstop'; index: number; children?: Node[] }
  | { kind: 'choice'; index: number; options: string[] };

/** Parses snippet syntax. It throws on variables, so an unescaped `$host` fails loudly. */
class SnippetParser {
  private position = 0;

  constructor(private readonly source: string) {}

  parse(): Node[] {
    const nodes = this.parseUntil(false);
    if (this.position < this.source.length) throw this.error('unexpected "}"');
    return nodes;
  }

  private parseUntil(insidePlaceholder: boolean): Node[] {
    const nodes: Node[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({ kind: 'text', text });
      text = '';
    };
    while (this.position < this.source.length) {
      const char = this.source[this.position]!;
      if (char === '\\') {
        const next = this.source[this.position + 1];
        if (next === '$' || next === '}' || next === '\\') {
          text += next;
          this.position += 2;
        } else {
          text += char;
          this.position += 1;
        }
        continue;
      }
      if (char === '}' && insidePlaceholder) break;
      if (char === '$') {
        flush();
        nodes.push(this.parseDollar());
        continue;
      }
      text += char;
      this.position += 1;
    }
    flush();
    return nodes;
  }

  private parseDollar(): Node {
    const rest = this.source.slice(this.position);
    const bare = /^\$(\d+)/.exec(rest);
    if (bare) {
      this.position += bare[0].length;
      return { kind: 'tabstop', index: Number(bare[1]) };
    }
    const choice = /^\$\{(\d+)\|((?:[^|\\]|\\.)*)\|\}/.exec(rest);
    if (choice) {
      this.position += choice[0].length;
      const options = choice[2]!.split(/(?<!\\),/).map((option) => option.replace(/\\(.)/g, '$1'));
      return { kind: 'choice', index: Number(choice[1]), options };
    }
    const braced = /^\$\{(\d+)(:|\})/.exec(rest);
    if (braced) {
      this.position += braced[0].length;
      if (braced[2] === '}') return { kind: 'tabstop', index: Number(braced[1]) };
      const children = this.parseUntil(true);
      if (this.source[this.position] !== '}') {
        throw this.error(`unclosed placeholder $${braced[1]}`);
      }
      this.position += 1;
      return { kind: 'tabstop', index: Number(braced[1]), children };
    }
    const variable = /^\$\{?([A-Za-z_]\w*)/.exec(rest);
    if (variable) {
      const hint = 'write \\$ for a literal dollar sign';
      throw this.error(`unsupported variable $${variable[1]} (${hint})`);
    }
    throw this.error('"$" without a tabstop (write \\$ for a literal dollar sign)');
  }

  private error(message: string): Error {
    return new Error(`snippet syntax at offset ${this.position}: ${message}`);
  }
}

function collectDefaults(nodes: Node[], defaults: Map<number, Node[] | string>): void {
  for (const node of nodes) {
    if (node.kind === 'choice' && !defaults.has(node.index)) {
      defaults.set(node.index, node.options[0] ?? '');
    }
    if (node.kind === 'tabstop' && node.children) {
      if (!defaults.has(node.index)) defaults.set(node.index, node.children);
      collectDefaults(node.children, defaults);
    }
  }
}

function render(
  nodes: Node[],
  defaults: Map<number, Node[] | string>,
  options: ExpandOptions,
): string {
  let text = '';
  for (const node of nodes) {
    if (node.kind === 'text') {
      text += node.text;
      continue;
    }
    const value =
      node.kind === 'tabstop' && node.children ? node.children : defaults.get(node.index);
    if (value === undefined) {
      const filler = options.tabstopText?.[node.index];
      if (filler === undefined && node.index !== 0) {
        throw new Error(`tabstop $${node.index} has no default and no text`);
      }
      text += filler ?? '';
    } else {
      text += typeof value === 'string' ? value : render(value, defaults, options);
    }
  }
  return text;
}

/** Expands `body` (the snippet's lines) to the text the editor inserts with every default kept. */
export function expandSnippet(body: string[], options: ExpandOptions = {}): string {
  const nodes = new SnippetParser(body.join('\n')).parse();
  const defaults = new Map<number, Node[] | string>();
  collectDefaults(nodes, defaults);
  const text = render(nodes, defaults, options);
  const indentUnit = options.indentUnit ?? '    ';
  return text
    .split('\n')
    .map((line, index) => {
      const indented = line.replace(/^\t+/, (tabs) => indentUnit.repeat(tabs.length));
      return index === 0 || indented === '' ? indented : (options.baseIndent ?? '') + indented;
    })
    .join('\n');
}
