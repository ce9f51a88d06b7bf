import assert from 'node:assert/strict';
import { test } from 'node:test';
import { codes, lines, parse, service, textAt } from './helpers.js';

test('errors bad yaml keeps parsed services', () => {
  const file = parse('services:\n  web:\n    image: x\n   bad: [\n  db:\n    image: postgres\n');
  assert.ok(codes(file).includes('compose-yaml-syntax'));
  assert.equal(service(file, 'web').image?.value, 'x');
  assert.equal(service(file, 'db').image?.value, 'postgres');
});

test('errors unclosed quote has range', () => {
  const file = parse('services:\n  web:\n    image: "x\n');
  assert.deepEqual(codes(file), ['compose-yaml-syntax']);
  assert.equal(file.errors[0]!.severity, 'error');
  assert.match(file.errors[0]!.message, /^Invalid YAML: /);
});

test('errors duplicate key', () => {
  const file = parse('services:\n  web:\n    image: a\n    image: b\n');
  assert.deepEqual(codes(file), ['compose-yaml-syntax']);
  assert.equal(file.errors[0]!.range.start.line, 3);
  assert.match(file.errors[0]!.message, /Duplicate key "image" in one mapping/);
  assert.equal(textAt(file, file.errors[0]!.range), 'image');
});

test('errors two merge keys', () => {
  const file = parse(
    'x-a: &a {image: a}\nx-b: &b {restart: always}\nservices:\n  web:\n    <<: *a\n    <<: *b\n',
  );
  assert.deepEqual(codes(file), ['compose-yaml-syntax']);
  assert.equal(file.errors[0]!.range.start.line, 5);
  assert.equal(service(file, 'web').image?.value, 'a');
});

test('errors merge list stays silent', () => {
  const file = parse(
    lines(
      'x-a: &a {image: a}',
      'x-b: &b {image: b, restart: always}',
      'services:',
      '  web:',
      '    <<: [*a, *b]',
    ),
  );
  assert.deepEqual(codes(file), []);
  assert.equal(service(file, 'web').image?.value, 'a');
});

test('errors merge of scalar', () => {
  const file = parse('x-a: &a text\nservices:\n  web:\n    <<: *a\n    image: x\n');
  assert.deepEqual(codes(file), ['compose-invalid-value']);
});

test('errors top level list', () => {
  const file = parse('- services\n- web\n');
  assert.deepEqual(codes(file), ['compose-invalid-value']);
  assert.match(file.errors[0]!.message, /must be a mapping, not a list/);
  assert.deepEqual(file.services, []);
});

test('errors top level scalar', () => {
  assert.deepEqual(codes(parse('just some text\n')), ['compose-invalid-value']);
});

test('errors services not mapping', () => {
  const file = parse('services:\n  - web\n');
  assert.deepEqual(codes(file), ['compose-invalid-value']);
  assert.equal(textAt(file, file.errors[0]!.range), '- web');
});

test('errors service not mapping', () => {
  const file = parse('services:\n  web: nginx\n  db:\n  ok:\n    image: x\n');
  assert.deepEqual(codes(file), ['compose-invalid-value', 'compose-invalid-value']);
  assert.equal(textAt(file, file.errors[0]!.range), 'nginx');
  assert.deepEqual(
    file.services.map((entry) => entry.name),
    ['ok'],
  );
});

test('errors invalid service name', () => {
  const file = parse('services:\n  my web:\n    image: x\n');
  assert.deepEqual(codes(file), ['compose-invalid-value']);
  assert.equal(textAt(file, file.errors[0]!.range), 'my web');
});

test('errors wrong scalar type', () => {
  const file = parse('services:\n  web:\n    image: 5\n    network_mode: [host]\n');
  assert.deepEqual(codes(file), ['compose-invalid-value', 'compose-invalid-value']);
  assert.match(file.errors[0]!.message, /services\.web\.image must be a string, not a number/);
});

test('errors invalid interpolation', () => {
  const file = parse(
    'services:\n  web:\n    image: x\n    environment:\n      PRICE: "costs ${1DOLLAR}"\n',
  );
  assert.deepEqual(codes(file), ['compose-invalid-interpolation']);
  assert.equal(textAt(file, file.errors[0]!.range), '${1DOLLAR}');
  assert.match(file.errors[0]!.message, /services\.web\.environment\.PRICE/);
  assert.match(file.errors[0]!.message, /\$\$/);
});

test('errors interpolation in single quotes', () => {
  const file = parse("services:\n  web:\n    image: 'app:${TAG}'\n    command: 'echo ${}'\n");
  assert.equal(file.interpolations[0]!.name, 'TAG');
  assert.equal(textAt(file, file.interpolations[0]!.range), '${TAG}');
  assert.deepEqual(codes(file), ['compose-invalid-interpolation']);
});

test('errors keys are not interpolated', () => {
  const file = parse(
    lines(
      'services:',
      '  web:',
      '    image: x',
      '    labels:',
      '      traefik.http.routers.${NAME}.rule: Host(`a`)',
    ),
  );
  assert.deepEqual(codes(file), ['compose-key-not-interpolated']);
  assert.equal(file.errors[0]!.severity, 'warning');
  assert.deepEqual(file.interpolations, []);
  assert.equal(textAt(file, file.errors[0]!.range), 'traefik.http.routers.${NAME}.rule');
});

test('errors escaped dollar key silent', () => {
  const file = parse('services:\n  web:\n    image: x\n    labels:\n      price$$: "1"\n');
  assert.deepEqual(codes(file), []);
});

test('errors reset tag ignored', () => {
  const file = parse(
    'services:\n  web:\n    image: x\n    ports: !reset []\n    environment: !reset null\n',
  );
  assert.deepEqual(codes(file), []);
  assert.deepEqual(service(file, 'web').ports, []);
});

test('errors self-referencing alias', () => {
  const file = parse(
    'x-a: &a\n  b: *a\n  <<: *a\nservices:\n  web: &w\n    <<: *w\n    image: x\n',
  );
  assert.equal(service(file, 'web').image?.value, 'x');
});

test('errors alias bomb bounded and fast', () => {
  let text = 'x-l0: &l0 ["A=${X}", "B=1"]\n';
  for (let level = 1; level <= 20; level++) {
    const previous = `*l${level - 1}`;
    text += `x-l${level}: &l${level} [${Array(10).fill(previous).join(', ')}]\n`;
  }
  text +=
    'services:\n  web:\n    image: x\n    environment: *l20\n    command: *l20\n    labels: *l20\n';
  const started = performance.now();
  const file = parse(text);
  const elapsed = performance.now() - started;
  assert.ok(elapsed < 2000, `took ${elapsed} ms`);
  assert.equal(file.interpolations.length, 1);
  assert.ok(file.errors.length < 100);
});

test('errors merge bomb bounded and fast', () => {
  let text = 'x-m0: &m0 {a: 1}\n';
  for (let level = 1; level <= 40; level++) {
    const previous = `*m${level - 1}`;
    text += lines(
      `x-m${level}: &m${level}`,
      `  <<: [${previous}, ${previous}, ${previous}]`,
      `  k${level}: v`,
    );
  }
  text += 'services:\n';
  for (let index = 0; index < 300; index++) text += `  s${index}:\n    <<: *m40\n    image: x\n`;
  const started = performance.now();
  const file = parse(text);
  const elapsed = performance.now() - started;
  assert.ok(elapsed < 3000, `took ${elapsed} ms`);
  assert.equal(file.services.length, 300);
});

test('errors alias limit reported', () => {
  let text =
    'x-item: &item "A=1"\nx-list: &list [' +
    Array(2000).fill('*item').join(', ') +
    ']\nservices:\n';
  for (let index = 0; index < 100; index++)
    text += `  s${index}:\n    image: x\n    environment: *list\n`;
  const file = parse(text);
  assert.ok(codes(file).includes('compose-yaml-syntax'));
  assert.match(
    file.errors.find((error) => error.code === 'compose-yaml-syntax')!.message,
    /Aliases/,
  );
});

test('errors deep nesting never throws', () => {
  const flow = parse('services:\n  web:\n    x: ' + '['.repeat(20000) + '\n');
  assert.ok(flow.errors.length > 0);
  assert.ok(flow.errors.length <= 51);
  const block = parse(
    'services:\n' + Array.from({ length: 2000 }, (_, i) => ' '.repeat(i + 2) + `k${i}:`).join('\n'),
  );
  assert.ok(Array.isArray(block.services));
});

test('errors binary input never throws', () => {
  const bytes = Array.from({ length: 4000 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join(
    '',
  );
  const file = parse(bytes);
  assert.ok(Array.isArray(file.errors));
});

test('errors truncated files never throw', () => {
  const text = lines(
    'x-d: &d',
    '  environment:',
    '    A: "${A:-1}"',
    'services:',
    '  web:',
    '    <<: *d',
    '    command: >',
    '      run "it',
    '    ports: ["80:80", {target: 81}]',
    '    volumes: [./a:/a:ro]',
  );
  for (let end = 0; end <= text.length; end++) {
    const file = parse(text.slice(0, end));
    assert.ok(Array.isArray(file.services), `cut at ${end}`);
  }
});

test('errors many problems capped', () => {
  const items = Array.from({ length: 3000 }, () => '      - [nested]');
  const file = parse(lines('services:', '  web:', '    image: x', '    environment:', ...items));
  assert.equal(file.errors.length, 1001);
  assert.match(file.errors[1000]!.message, /^2000 more problems/);
});

test('errors many references never throw', () => {
  const value = '$A '.repeat(200_000);
  const file = parse(lines('services:', '  web:', '    image: x', `    command: "${value}"`));
  assert.equal(file.interpolations.length, 200_000);
});

test('errors after yaml error dropped', () => {
  const file = parse(lines('services:', '  web:', '    image: x', '  redis', '    image: redis'));
  assert.ok(codes(file).includes('compose-yaml-syntax'));
  assert.ok(!codes(file).includes('compose-invalid-value'), file.errors.map((error) => error.message).join('\n'));
});

test('errors before yaml error kept', () => {
  const file = parse(lines('services:', '  web:', '    image: [x]', '    ports: "80:80"', '  redis', '    image: redis'));
  assert.ok(codes(file).includes('compose-invalid-value'));
});

test('errors beside duplicate key kept', () => {
  const file = parse(lines('services:', '  web:', '    image: a', '    image: b', '    ports: 80'));
  assert.deepEqual(codes(file), ['compose-yaml-syntax', 'compose-invalid-value']);
});
