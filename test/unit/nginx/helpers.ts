import type { Range } from '../../../server/src/core/range.js';
import { SourceFile } from '../../../server/src/core/source-file.js';
import type { NginxFile } from '../../../server/src/parsers/nginx/nginx-model.js';
import { parseNginx } from '../../../server/src/parsers/nginx/parse-nginx.js';

export function parse(text: string, path = 'nginx/nginx.conf'): NginxFile {
  return parseNginx(new SourceFile(path, text));
}

/** Writes a range as `line:character-line:character` for compact asserts. */
export function span(range: Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}
