import { scanTemplate } from './scan-template.js';

/**
 * Splits `text` at each `separator` that is not inside a `${...}` reference, because compose
 * interpolates `${PORT:-8000}:8000` before it reads the colons.
 */
export function splitOutsideReferences(text: string, separator: string): string[] {
  const references = scanTemplate(text, 0, text.length).filter(
    (token) => token.kind === 'reference',
  );
  const parts: string[] = [];
  let partStart = 0;
  let next = 0;
  for (let i = 0; i < text.length; i++) {
    const reference = references[next];
    if (reference && i === reference.start) {
      i = reference.end - 1;
      next++;
      continue;
    }
    if (text[i] === separator) {
      parts.push(text.slice(partStart, i));
      partStart = i + 1;
    }
  }
  parts.push(text.slice(partStart));
  return parts;
}
