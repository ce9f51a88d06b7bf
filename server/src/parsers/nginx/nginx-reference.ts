import { Format, getDirectives } from '@nginx/reference-lib';

/**
 * Directive facts from `@nginx/reference-lib`, which NGINX generates from the official
 * documentation at https://nginx.org/en/docs/. Defaults are those of the latest documented
 * release, not of the nginx version a deployment runs.
 */

export type NginxProtocol = 'http' | 'stream' | 'mail';

export interface NginxDirectiveReference {
  name: string;
  /** Module name as documented, such as `ngx_http_proxy_module` or `Core functionality`. */
  module: string;
  /**
   * Documented contexts: `main`, `events`, `http`, `server`, `location`, `if in location`,
   * `if` (inside `server` or `location`), `limit_except`, `upstream`, `mail`, `stream`, and a
   * few module blocks. An empty list means any context (`include`).
   */
  contexts: string[];
  isBlock: boolean;
  /** Documented default value, or undefined when the directive has none. */
  defaultValue: string | undefined;
  /** Syntax lines in Markdown. */
  syntax: string[];
  /** Description in Markdown. */
  description: string;
  /** Link to the directive in the official documentation. */
  docsUrl: string;
  /** Protocol the module serves; undefined for core modules valid in any. */
  protocol: NginxProtocol | undefined;
}

const DOCS_BASE_URL = 'https://nginx.org/en/docs/';

let index: Map<string, NginxDirectiveReference[]> | undefined;

function loadIndex(): Map<string, NginxDirectiveReference[]> {
  if (index !== undefined) return index;
  index = new Map();
  for (const directive of getDirectives(Format.Markdown)) {
    const reference: NginxDirectiveReference = {
      name: directive.name,
      module: directive.module,
      contexts: directive.contexts.filter((context) => context !== ''),
      isBlock: directive.isBlock,
      defaultValue: directive.default.trim() === '' ? undefined : directive.default.trim(),
      syntax: directive.syntax,
      description: directive.description,
      docsUrl: `${DOCS_BASE_URL}${moduleDocsPath(directive.module)}#${directive.name}`,
      protocol: moduleProtocol(directive.module),
    };
    const variants = index.get(directive.name);
    if (variants === undefined) index.set(directive.name, [reference]);
    else variants.push(reference);
  }
  return index;
}

/**
 * Returns the page of a module in the nginx documentation, relative to `/en/docs/`:
 * `ngx_http_proxy_module` → `http/ngx_http_proxy_module.html`, core directives →
 * `ngx_core_module.html`, and other modules (`ngx_otel_module`) at the top level.
 */
export function moduleDocsPath(module: string): string {
  if (module === 'Core functionality') return 'ngx_core_module.html';
  const family = /^ngx_(http|stream|mail)_/.exec(module);
  return family === null ? `${module}.html` : `${family[1]}/${module}.html`;
}

/** Returns the protocol block a module's directives belong to, or undefined for core modules. */
export function moduleProtocol(module: string): NginxProtocol | undefined {
  const family = /^ngx_(http|stream|mail)_/.exec(module);
  if (family !== null) return family[1] as NginxProtocol;
  // ngx_otel_module instruments HTTP requests only.
  if (module === 'ngx_otel_module') return 'http';
  return undefined;
}

/** Returns every documented variant of a directive (one per module that defines it). */
export function lookupDirectiveVariants(name: string): readonly NginxDirectiveReference[] {
  return loadIndex().get(name) ?? [];
}

/**
 * Looks a directive up by its exact, case-sensitive name. When several modules define it
 * (`proxy_pass` in http and stream), the variant of `protocol` wins, then an http one.
 */
export function lookupDirective(
  name: string,
  protocol: NginxProtocol = 'http',
): NginxDirectiveReference | undefined {
  const variants = lookupDirectiveVariants(name);
  return (
    variants.find((variant) => variant.protocol === protocol) ??
    variants.find((variant) => variant.protocol === undefined) ??
    variants[0]
  );
}

/** Returns the names of all documented directives. */
export function directiveNames(): string[] {
  return [...loadIndex().keys()];
}
