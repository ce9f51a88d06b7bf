import { dictGet, formatFloat, numberOf, toPyRepr, toPyStr } from './py-values.js';
import type { PyValue } from './settings-model.js';

/**
 * Python string formatting without running code: `format(value, spec)` (the format
 * specification mini-language), `%` formatting and `str.format`. Each returns undefined where
 * the result is not known or Python raises.
 */

const SPEC_PATTERN =
  /^(?:(.)?([<>=^]))?([+\- ])?(z)?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([bcdeEfFgGnosxX%])?$/su;

/** `format(value, spec)` after `!r`/`!s`/`!a` conversion. */
export function formatValue(value: PyValue, spec: string, conversion?: string): string | undefined {
  if (conversion === 'r' || conversion === 'a' || conversion === 's') {
    const text = conversion === 's' ? toPyStr(value) : toPyRepr(value);
    return text === undefined ? undefined : formatValue({ type: 'str', value: text }, spec);
  }
  if (value.type === 'unknown') return undefined;
  if (spec === '') return toPyStr(value);
  const match = SPEC_PATTERN.exec(spec);
  if (!match) return undefined;

  const [
    ,
    fill = ' ',
    align,
    sign = '-',
    ,
    alternate,
    zero,
    widthText,
    grouping,
    precisionText,
    type,
  ] = match;
  const width = widthText ? Number(widthText) : 0;
  const precision = precisionText !== undefined ? Number(precisionText) : undefined;
  if (value.type === 'str') {
    if (type && type !== 's') return undefined;
    const body = precision !== undefined ? value.value.slice(0, precision) : value.value;
    return pad(body, '', zero && !align ? '0' : fill, align ?? '<', width);
  }

  const number = numberOf(value);
  if (number === undefined) return undefined;
  const integral = value.type !== 'float';
  const options = { precision, grouping, alternate: alternate !== undefined };
  const body = numberBody(Math.abs(number), type ?? (integral ? 'd' : ''), integral, options);
  if (body === undefined) return undefined;

  let signText = '';
  if (number < 0 || Object.is(number, -0)) signText = '-';
  else if (sign === '+' || sign === ' ') signText = sign;
  const zeroPad = zero !== undefined && align === undefined;
  return pad(body, signText, zeroPad ? '0' : fill, zeroPad ? '=' : (align ?? '>'), width);
}

/** Digits of a non-negative number for a presentation type (`d`, `x`, `f`, `e`, `%`, `g`). */
function numberBody(
  magnitude: number,
  type: string,
  integral: boolean,
  options: { precision: number | undefined; grouping: string | undefined; alternate: boolean },
): string | undefined {
  const { precision, grouping, alternate } = options;
  switch (type) {
    case 'd':
    case 'n':
      return integral ? group(String(magnitude), grouping) : undefined;
    case 'b':
    case 'o':
    case 'x':
    case 'X': {
      if (!integral) return undefined;
      const radixes: Record<string, number> = { b: 2, o: 8, x: 16, X: 16 };
      const digits = magnitude.toString(radixes[type]!);
      const prefix = alternate ? `0${type}` : '';
      return type === 'X' ? `${prefix}${digits.toUpperCase()}` : `${prefix}${digits}`;
    }
    case 'f':
    case 'F':
      return group(toFixed(magnitude, precision ?? 6), grouping);
    case 'e':
    case 'E':
      return exponential(magnitude, precision ?? 6, type === 'E');
    case '%':
      return `${toFixed(magnitude * 100, precision ?? 6)}%`;
    case 'g':
    case 'G':
    case '':
      if (precision !== undefined) return general(magnitude, precision);
      return integral ? String(magnitude) : formatFloat(magnitude);
    default:
      return undefined;
  }
}

function pad(body: string, sign: string, fill: string, align: string, width: number): string {
  const missing = Math.max(0, width - body.length - sign.length);
  const filler = fill.repeat(missing);
  switch (align) {
    case '<':
      return sign + body + filler;
    case '^': {
      const left = fill.repeat(Math.floor(missing / 2));
      return left + sign + body + fill.repeat(missing - left.length);
    }
    case '=':
      return sign + filler + body;
    default:
      return filler + sign + body;
  }
}

/**
 * `value.toFixed(digits)` with Python's rounding: JavaScript rounds an exact tie (2.25 to one
 * digit) away from zero, Python to the even digit.
 */
function toFixed(value: number, digits: number): string {
  const rounded = value.toFixed(Math.min(digits, 100));
  if (Math.abs(value) >= 1e21 || digits > 70) return rounded;
  const exact = value.toFixed(Math.min(100, digits + 30));
  const point = exact.indexOf('.');
  const tail = exact.slice(point + 1 + digits);
  if (!/^50*$/.test(tail)) return rounded;
  const truncated = exact.slice(0, digits === 0 ? point : point + 1 + digits);
  const last = Number(truncated[truncated.length - 1]);
  return last % 2 === 0 ? truncated : rounded;
}

function group(digits: string, separator: string | undefined): string {
  if (!separator) return digits;
  const [whole, fraction] = digits.split('.') as [string, string | undefined];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

function exponential(value: number, precision: number, upper: boolean): string {
  const [mantissa, exponent] = value.toExponential(precision).split('e') as [string, string];
  const power = Number(exponent);
  const text = `${mantissa}e${power < 0 ? '-' : '+'}${String(Math.abs(power)).padStart(2, '0')}`;
  return upper ? text.toUpperCase() : text;
}

function general(value: number, precision: number): string {
  const digits = Math.max(1, precision);
  if (value === 0) return '0';
  const power = Math.floor(Math.log10(value));
  if (power < -4 || power >= digits)
    return exponential(value, digits - 1, false).replace(/\.?0+e/, 'e');
  return toFixed(value, Math.max(0, digits - 1 - power)).replace(/\.?0+$/, '');
}

// -------------------------------------------------------------------------------------------
// `%` formatting

const PERCENT_PATTERN =
  /%(?:\(([^)]*)\))?([#0\- +]*)(\*|\d+)?(?:\.(\*|\d+))?[hlL]?([diouxXeEfFgGcrsa%])/g;

/** Applies `template % args`, where a tuple supplies positional values and a dict named ones. */
export function percentFormat(template: string, args: PyValue): string | undefined {
  const positional = args.type === 'tuple' ? args.items : [args];
  let next = 0;
  let failed = false;
  const result = template.replace(
    PERCENT_PATTERN,
    (
      _all,
      key: string | undefined,
      flags: string,
      width?: string,
      precision?: string,
      type?: string,
    ) => {
      if (type === '%') return '%';
      if (width === '*' || precision === '*') {
        failed = true;
        return '';
      }
      let value: PyValue | undefined;
      if (key !== undefined) {
        const found = args.type === 'dict' ? dictGet(args, { type: 'str', value: key }) : undefined;
        value = found ?? undefined;
      } else {
        value = positional[next++];
      }
      const text = value ? percentOne(value, flags, width, precision, type!) : undefined;
      if (text === undefined) failed = true;
      return text ?? '';
    },
  );
  // Python raises TypeError ("not all arguments converted") when values are left over, except
  // for a dict, which may be given to a template without `%(name)` fields.
  if (failed || (args.type !== 'dict' && next !== positional.length)) return undefined;
  return result;
}

function percentOne(
  value: PyValue,
  flags: string,
  width: string | undefined,
  precision: string | undefined,
  type: string,
): string | undefined {
  const align = flags.includes('-') ? '<' : '>';
  const zero = flags.includes('0') && !flags.includes('-');
  let sign = '';
  if (flags.includes('+')) sign = '+';
  else if (flags.includes(' ')) sign = ' ';
  const widthPart = width ?? '';
  const precisionPart = precision !== undefined ? `.${precision}` : '';

  if (type === 's' || type === 'r' || type === 'a') {
    const text = type === 's' ? toPyStr(value) : toPyRepr(value);
    if (text === undefined) return undefined;
    return formatValue({ type: 'str', value: text }, `${align}${widthPart}${precisionPart}`);
  }
  if (type === 'c') {
    let text: string | undefined;
    if (value.type === 'str') text = value.value;
    else if (value.type === 'int' && value.value >= 0 && value.value <= 0x10ffff) {
      text = String.fromCodePoint(value.value);
    }
    if (text === undefined) return undefined;
    return formatValue({ type: 'str', value: text }, `${align}${widthPart}`);
  }

  const number = numberOf(value);
  if (number === undefined) return undefined;
  const integral = 'diuxXo'.includes(type);
  const converted: PyValue = integral
    ? { type: 'int', value: Math.trunc(number) }
    : { type: 'float', value: number };
  const specType = type === 'i' || type === 'u' ? 'd' : type;
  const alternate = flags.includes('#') ? '#' : '';
  const spec = [
    zero ? '' : align,
    sign,
    alternate,
    zero ? '0' : '',
    widthPart,
    integral ? '' : precisionPart,
    specType,
  ].join('');
  return formatValue(converted, spec);
}

// -------------------------------------------------------------------------------------------
// `str.format`

/** `template.format(*args, **kwargs)`. Attribute access in a field (`{0.name}`) is unknown. */
export function strFormat(
  template: string,
  args: PyValue[],
  kwargs: Map<string, PyValue>,
): string | undefined {
  let automatic = 0;
  const field = (body: string, depth: number): string | undefined => {
    const match = /^([^.[!:]*)((?:\.[^.[!:]+|\[[^\]]*\])*)(?:!([rsa]))?(?::(.*))?$/s.exec(body);
    if (!match) return undefined;
    const [, name = '', accessors = '', conversion, rawSpec = ''] = match;
    let value =
      name === '' ? args[automatic++] : /^\d+$/.test(name) ? args[Number(name)] : kwargs.get(name);
    for (const accessor of accessors.match(/\.[^.[]+|\[[^\]]*\]/g) ?? []) {
      if (!value || accessor.startsWith('.')) return undefined;
      value = indexInto(value, accessor.slice(1, -1));
    }
    if (!value) return undefined;
    const spec = depth > 1 ? rawSpec : expand(rawSpec, depth + 1);
    return spec === undefined ? undefined : formatValue(value, spec, conversion);
  };
  const expand = (text: string, depth: number): string | undefined => {
    let out = '';
    let i = 0;
    while (i < text.length) {
      const char = text[i]!;
      if ((char === '{' || char === '}') && text[i + 1] === char) {
        out += char;
        i += 2;
        continue;
      }
      if (char === '}') return undefined;
      if (char !== '{') {
        out += char;
        i++;
        continue;
      }
      let level = 1;
      let j = i + 1;
      while (j < text.length && level > 0) {
        if (text[j] === '{') level++;
        else if (text[j] === '}') level--;
        j++;
      }
      if (level > 0) return undefined;
      const replaced = field(text.slice(i + 1, j - 1), depth);
      if (replaced === undefined) return undefined;
      out += replaced;
      i = j;
    }
    return out;
  };
  return expand(template, 0);
}

function indexInto(value: PyValue, key: string): PyValue | undefined {
  if (value.type === 'dict')
    return (
      dictGet(
        value,
        /^\d+$/.test(key) ? { type: 'int', value: Number(key) } : { type: 'str', value: key },
      ) ?? undefined
    );
  if ((value.type === 'list' || value.type === 'tuple') && /^\d+$/.test(key))
    return value.items[Number(key)];
  return undefined;
}
