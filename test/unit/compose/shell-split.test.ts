import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitShellWords } from '../../../server/src/parsers/compose/shell-split.js';

function values(text: string): string[] {
  const split = splitShellWords(text);
  assert.equal(split.error, undefined, `no error for ${text}`);
  return split.args.map((arg) => arg.value);
}

function sources(text: string): string[] {
  return splitShellWords(text).args.map((arg) => text.slice(arg.start, arg.end));
}

test('split plain words with offsets', () => {
  const text = 'gunicorn app.wsgi -b 0.0.0.0:8000 --workers 9';
  const { args } = splitShellWords(text);
  assert.deepEqual(
    args.map((arg) => [arg.value, arg.start, arg.end]),
    [
      ['gunicorn', 0, 8],
      ['app.wsgi', 9, 17],
      ['-b', 18, 20],
      ['0.0.0.0:8000', 21, 33],
      ['--workers', 34, 43],
      ['9', 44, 45],
    ],
  );
});

test('split runs of whitespace', () => {
  assert.deepEqual(values('  a \t b\n\nc  '), ['a', 'b', 'c']);
  assert.deepEqual(values(''), []);
  assert.deepEqual(values('   '), []);
});

test('split double quotes', () => {
  const text = 'sh -c "echo hello world"';
  assert.deepEqual(values(text), ['sh', '-c', 'echo hello world']);
  assert.deepEqual(sources(text), ['sh', '-c', '"echo hello world"']);
});

test('split single quotes keep backslash', () => {
  assert.deepEqual(values("echo 'a\\b c'"), ['echo', 'a\\b c']);
});

test('split quotes join one word', () => {
  assert.deepEqual(values('--name="my app"x'), ['--name=my appx']);
  assert.deepEqual(sources('--name="my app"x'), ['--name="my app"x']);
});

test('split empty quotes make argument', () => {
  assert.deepEqual(values('a "" b'), ['a', '', 'b']);
  assert.deepEqual(values("a ''"), ['a', '']);
});

test('split backslash escapes next char', () => {
  assert.deepEqual(values('a\\ b c'), ['a b', 'c']);
  assert.deepEqual(values('"a\\"b"'), ['a"b']);
  assert.deepEqual(values('"a\\b"'), ['ab']);
  assert.deepEqual(values('\\n'), ['n']);
});

test('split backslash newline keeps newline', () => {
  assert.deepEqual(values('a\\\nb'), ['a\nb']);
});

test('split no expansion', () => {
  assert.deepEqual(values('echo $HOME ${X:-y} ~'), ['echo', '$HOME', '${X:-y}', '~']);
});

test('split dollar paren kept as typed', () => {
  assert.deepEqual(values('echo $(date +%s) done'), ['echo', '$(date +%s)', 'done']);
});

test('split backquotes kept as typed', () => {
  assert.deepEqual(values('echo `date +%s`'), ['echo', '`date +%s`']);
});

test('split stops at operators', () => {
  const table: [string, string[], string][] = [
    ['migrate && gunicorn app', ['migrate'], '&&'],
    ['a; b', ['a'], ';'],
    ['a | b', ['a'], '|'],
    ['a > out.log', ['a'], '>'],
    ['a >> out.log', ['a'], '>>'],
    ['a < in', ['a'], '<'],
    ['a&', ['a'], '&'],
  ];
  for (const [text, args, operator] of table) {
    const split = splitShellWords(text);
    assert.deepEqual(
      split.args.map((arg) => arg.value),
      args,
      text,
    );
    assert.equal(split.stop?.operator, operator, text);
    assert.equal(split.error, undefined, text);
  }
});

test('split stop offset points at operator', () => {
  const text = 'python manage.py migrate && gunicorn';
  assert.equal(splitShellWords(text).stop?.offset, text.indexOf('&&'));
});

test('split digit redirect drops word', () => {
  const split = splitShellWords('cmd arg 2>&1');
  assert.deepEqual(
    split.args.map((arg) => arg.value),
    ['cmd', 'arg'],
  );
  assert.equal(split.stop?.operator, '>');
});

test('split quoted operators stay silent', () => {
  const split = splitShellWords('sh -c "a && b; c | d > e"');
  assert.equal(split.stop, undefined);
  assert.deepEqual(
    split.args.map((arg) => arg.value),
    ['sh', '-c', 'a && b; c | d > e'],
  );
});

test('split unterminated quotes error', () => {
  const table: [string, number, string][] = [
    ['echo "abc', 5, 'an unterminated double quote'],
    ["echo 'abc", 5, 'an unterminated single quote'],
    ['echo abc\\', 8, 'a backslash at the end'],
    ['echo `x', 5, 'an unterminated backquote'],
    ['echo $(x', 6, 'an unterminated "$("'],
  ];
  for (const [text, offset, message] of table) {
    assert.deepEqual(splitShellWords(text).error, { offset, message }, text);
  }
});

test('split bare paren is error', () => {
  const split = splitShellWords('echo (x)');
  assert.equal(split.error?.offset, 5);
});

test('split verbatim spans stay whole', () => {
  const text = 'run ${ARGS:-a "b c"} end';
  const start = text.indexOf('$');
  const end = text.indexOf('} end') + 1;
  const split = splitShellWords(text, { verbatim: [[start, end]] });
  assert.deepEqual(
    split.args.map((arg) => arg.value),
    ['run', '${ARGS:-a "b c"}', 'end'],
  );
  assert.deepEqual(
    split.args.map((arg) => [arg.start, arg.end]),
    [
      [0, 3],
      [start, end],
      [end + 1, end + 4],
    ],
  );
});

test('split verbatim inside word', () => {
  const text = '--bind=${HOST:-0.0.0.0 }:80';
  const start = text.indexOf('$');
  const end = text.indexOf('}') + 1;
  assert.deepEqual(
    splitShellWords(text, { verbatim: [[start, end]] }).args.map((arg) => arg.value),
    ['--bind=${HOST:-0.0.0.0 }:80'],
  );
});
