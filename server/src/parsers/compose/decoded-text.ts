/** A decoded string with, per UTF-16 unit, the source span it was read from. */
export interface DecodedText {
  value: string;
  starts: number[];
  ends: number[];
}

/** Maps each character of `value` to the same offset in the source. */
export function identity(value: string, start: number): DecodedText {
  const starts = Array.from({ length: value.length }, (_, i) => start + i);
  return { value, starts, ends: starts.map((offset) => offset + 1) };
}

/** Output of decoders: characters with their source spans. */
export class Builder {
  value = '';
  readonly starts: number[] = [];
  readonly ends: number[] = [];

  push(text: string, start: number, end: number): void {
    this.value += text;
    for (let i = 0; i < text.length; i++) {
      this.starts.push(start);
      this.ends.push(end);
    }
  }

  pushSource(source: string, start: number, end: number): void {
    for (let i = start; i < end; i++) this.push(source[i]!, i, i + 1);
  }

  result(): DecodedText {
    return { value: this.value, starts: this.starts, ends: this.ends };
  }
}
