import type { Problem, RelatedLocation } from '../../core/problem.js';
import type { Location } from '../../core/range.js';
import type { NginxConfig } from '../../model/deployment.js';
import type { NginxDirective } from '../../parsers/nginx/nginx-model.js';
import { SKIP_CHILDREN, walk } from '../../parsers/nginx/walk-nginx.js';
import type { Workspace } from '../../workspace/workspace.js';
import type { Check } from '../check.js';
import { createProblem } from '../problem-builder.js';
import { isDevelopmentFile } from './deployment-facts.js';
import { oneYear } from './hsts-check.js';
import { copyHeadersBefore } from './nginx-edits.js';
import {
  directiveLocation,
  hasAlways,
  headerName,
  headersAt,
  headerValue,
  inheritedHeaders,
  isCorsHeader,
  ownHeaders,
  productionDirectives,
  securityHeaders,
} from './nginx-facts.js';
import { nginxAddHeaderDropped, nginxHeaderMissingAlways, nginxHstsShort, nginxPreflightDropsHeaders } from './nginx-rules.js';
import { insertEdit } from './source-edits.js';

/** Status codes nginx adds headers to without `always` (ngx_http_headers_module). */
const plainStatuses = new Set(['200', '201', '204', '206', '301', '302', '303', '304', '307', '308']);

/** nginx `add_header` pitfalls: dropped inheritance, preflight `if` blocks, `always`, short HSTS. */
export const nginxHeadersCheck: Check = {
  name: 'security-nginx-headers',
  rules: [nginxAddHeaderDropped, nginxPreflightDropsHeaders, nginxHeaderMissingAlways, nginxHstsShort],
  run(deployment, context) {
    if (deployment.stage === 'development') return [];
    const problems: Problem[] = [];
    for (const config of deployment.nginx) {
      problems.push(...droppedHeaderProblems(config, context.workspace));
      problems.push(...alwaysProblems(config));
      problems.push(...hstsProblems(config));
    }
    return problems;
  },
};

function headerRelated(headers: NginxDirective[], message: string): RelatedLocation[] {
  return headers.map((header) => ({ location: directiveLocation(header), message: `${header.args[0]?.value ?? ''} ${message}` }));
}

/** Header directives of `inherited` whose names the block's own set does not contain. */
function droppedBy(block: NginxDirective, config: NginxConfig, onlySecurity: boolean): NginxDirective[] {
  const names = new Set(headersAt(block, config).map(headerName));
  return inheritedHeaders(block, config).filter(
    (header) => !names.has(headerName(header)) && (!onlySecurity || securityHeaders.has(headerName(header))),
  );
}

/** Returns the location of an `if` line, `if ($request_method = OPTIONS)`, without its block. */
function headLocation(block: NginxDirective): Location {
  const last = block.args[block.args.length - 1];
  return { file: block.file, range: { start: block.range.start, end: last ? last.range.end : block.nameRange.end } };
}

function droppedHeaderProblems(config: NginxConfig, workspace: Workspace): Problem[] {
  const problems: Problem[] = [];
  walk(config.directives, (block) => {
    if (block.entry === true) return SKIP_CHILDREN;
    if (!block.block || isDevelopmentFile(block.file)) return undefined;
    if (!['http', 'server', 'location', 'if'].includes(block.name)) return undefined;
    const own = ownHeaders(block);
    if (own.length === 0) return undefined;
    const isPreflight = block.name === 'if' && block.block.some((child) => child.name === 'return');
    const dropped = droppedBy(block, config, !isPreflight);
    if (dropped.length === 0) return undefined;
    const fixes = [{ title: 'Repeat the dropped headers in this block', edits: copyHeadersBefore(workspace, dropped, own[0]!), safe: true }].filter(
      (fix) => fix.edits.length > 0,
    );
    const names = dropped.map((header) => header.args[0]?.value ?? '').join(', ');
    if (isPreflight) {
      problems.push(
        createProblem(
          nginxPreflightDropsHeaders,
          headLocation(block),
          `This if block has add_header directives of its own, so the responses it returns lose ${names} from the enclosing blocks (nginx inherits add_header only into blocks that have none).`,
          { related: headerRelated(dropped, 'is set here but not sent by the if block'), fixes },
        ),
      );
      return undefined;
    }
    problems.push(
      createProblem(
        nginxAddHeaderDropped,
        directiveLocation(own[0]!),
        `This add_header makes ${block.name === 'location' ? `location ${block.args.map((arg) => arg.raw).join(' ')}` : block.name} drop ${names} set in the enclosing block, because nginx inherits add_header only into blocks that have none.`,
        { related: headerRelated(dropped, 'is set here but not sent by this block'), fixes },
      ),
    );
    return undefined;
  });
  return problems;
}

/** True when the directive sits in an `if` that returns a status nginx adds headers to anyway. */
function answeredByPlainReturn(directive: NginxDirective): boolean {
  const parent = directive.parent;
  if (parent?.name !== 'if') return false;
  const ret = parent.block?.find((child) => child.name === 'return');
  return ret !== undefined && plainStatuses.has(ret.args[0]?.value ?? '');
}

function alwaysProblems(config: NginxConfig): Problem[] {
  const problems: Problem[] = [];
  for (const header of productionDirectives(config, 'add_header')) {
    const name = headerName(header);
    if (!securityHeaders.has(name) && !isCorsHeader(name)) continue;
    if (hasAlways(header) || answeredByPlainReturn(header)) continue;
    const last = header.args[header.args.length - 1];
    if (!last) continue;
    const effect = isCorsHeader(name)
      ? 'browsers then report a CORS error instead of the real 401, 413 or 500'
      : 'error pages then go out without it';
    problems.push(
      createProblem(
        nginxHeaderMissingAlways,
        directiveLocation(header),
        `${header.args[0]!.value} has no always parameter, so nginx leaves it out of 4xx and 5xx responses; ${effect}.`,
        { fixes: [{ title: 'Append always', edits: [insertEdit(header.file, last.range.end, ' always')], safe: true }] },
      ),
    );
  }
  return problems;
}

function hstsProblems(config: NginxConfig): Problem[] {
  const problems: Problem[] = [];
  for (const header of productionDirectives(config, 'add_header')) {
    if (headerName(header) !== 'strict-transport-security') continue;
    const value = headerValue(header);
    const match = /max-age\s*=\s*"?(\d+)/i.exec(value);
    if (!match || value.includes('$')) continue;
    const seconds = Number(match[1]);
    if (seconds >= oneYear) continue;
    const argument = header.args[1]!;
    const digitsAt = argument.raw.indexOf(match[1]!, argument.raw.toLowerCase().indexOf('max-age'));
    const fixes =
      digitsAt >= 0 && argument.range.start.line === argument.range.end.line
        ? [
            {
              title: `Raise max-age to ${oneYear} (one year)`,
              edits: [
                {
                  file: header.file,
                  range: {
                    start: { line: argument.range.start.line, character: argument.range.start.character + digitsAt },
                    end: { line: argument.range.start.line, character: argument.range.start.character + digitsAt + match[1]!.length },
                  },
                  newText: String(oneYear),
                },
              ],
              safe: false,
            },
          ]
        : [];
    const reason = seconds === 0 ? 'max-age=0 tells browsers to forget HSTS' : `max-age=${seconds} is below one year (${oneYear} seconds), so the protection lapses between visits and hstspreload.org rejects the site`;
    problems.push(createProblem(nginxHstsShort, directiveLocation(header), `Strict-Transport-Security ${reason}.`, { fixes }));
  }
  return problems;
}
