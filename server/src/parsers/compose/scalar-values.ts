// Scalar conversions as compose-go performs them (compose-go e70e961). YAML numbers and booleans
// that end up in string fields (environment and label values) go through Go's `fmt.Sprint`
// (`types/mapping.go`), and string values of numeric and boolean fields are cast after
// interpolation (`loader/interpolate.go`).

/**
 * Scalar value as Go's `fmt.Sprint` prints it, or null for YAML null. Integers arrive as
 * bigint (the parser runs with `intAsBigInt`) and floats as numbers.
 */
export function goString(value: unknown): string | null {
  switch (typeof value) {
    case 'string':
      return value;
    case 'bigint':
    case 'boolean':
      return String(value);
    case 'number':
      return goFloat(value);
    case 'symbol':
      return value.description ?? '';
    default:
      return value === null || value === undefined ? null : String(value);
  }
}

/**
 * Go's `%v` of a float64: the shortest digits that read back the same, in exponent form when
 * the decimal exponent is below -4 or at least 6 (Go's `strconv` `%g` rule for shortest
 * output), so 100000.0 prints `100000` and 1000000.0 prints `1e+06`.
 */
export function goFloat(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  if (value === 0) return Object.is(value, -0) ? '-0' : '0';
  const [mantissa, exponentText] = value.toExponential().split('e') as [string, string];
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 6) {
    const sign = exponent < 0 ? '-' : '+';
    const digits = String(Math.abs(exponent)).padStart(2, '0');
    return `${mantissa}e${sign}${digits}`;
  }
  return String(value);
}

/** compose-go's `toBoolean`: `true`/`false`, and YAML 1.1 `y`, `yes`, `on`, `n`, `no`, `off`. */
export function castBoolean(text: string): boolean | undefined {
  switch (text.toLowerCase()) {
    case 'true':
    case 'y':
    case 'yes':
    case 'on':
      return true;
    case 'false':
    case 'n':
    case 'no':
    case 'off':
      return false;
    default:
      return undefined;
  }
}

/** Go's `strconv.Atoi`: optional sign and decimal digits only. */
export function castInteger(text: string): number | undefined {
  if (!/^[+-]?[0-9]+$/.test(text)) return undefined;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : undefined;
}

/** Go's `strconv.ParseFloat` for the decimal forms compose files use. */
export function isFloatText(text: string): boolean {
  return (
    /^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$/.test(text) ||
    /^[+-]?(inf|infinity|nan)$/i.test(text)
  );
}
