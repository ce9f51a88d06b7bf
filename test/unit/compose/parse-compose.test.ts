import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findNodeRange } from '../../../server/src/parsers/compose/parse-compose.js';
import { codes, lines, parse, service, span, textAt } from './helpers.js';

const PRODUCTION = `name: shop
x-django: &django
  image: shop/web:\${TAG:-latest}
  env_file: .env
  environment: &django-env
    DJANGO_SETTINGS_MODULE: config.settings.production
    DATABASE_URL: postgres://\${POSTGRES_USER:-app}:\${POSTGRES_PASSWORD:?set it}@db/app
  restart: unless-stopped

services:
  web:
    <<: *django
    command: >
      gunicorn config.wsgi
      -b 0.0.0.0:8000 --workers 9
    ports:
      - "127.0.0.1:8000:8000"
    deploy:
      replicas: 2
      resources:
        limits:
          memory: 512M
          cpus: "0.50"
          pids: 200
        reservations:
          memory: 256M
    healthcheck:
      test: ["CMD", "curl", "-f", "http://localhost:8000/health"]
      interval: 30s
      retries: 3
  worker:
    <<: *django
    command: celery -A config worker --concurrency 4
    environment:
      <<: *django-env
      CELERY: "1"
    depends_on:
      db:
        condition: service_healthy
  db:
    image: postgres:16
    volumes:
      - db-data:/var/lib/postgresql/data
    healthcheck:
      test: pg_isready -U $$POSTGRES_USER
volumes:
  db-data:
`;

test('compose realistic file parses cleanly', () => {
  const file = parse(PRODUCTION);
  assert.deepEqual(file.errors, []);
  assert.deepEqual(
    file.services.map((entry) => entry.name),
    ['web', 'worker', 'db'],
  );
  assert.equal(file.name?.value, 'shop');
  assert.deepEqual(file.extensions, ['x-django']);
  assert.ok(file.document);
});

test('compose merge key values keep anchor ranges', () => {
  const file = parse(PRODUCTION);
  const web = service(file, 'web');
  assert.equal(web.image?.value, 'shop/web:${TAG:-latest}');
  assert.equal(span(web.image!.range), '2:9-2:32');
  assert.equal(textAt(file, web.envFiles[0]!.range), '.env');
  const settings = web.environment.find((entry) => entry.key === 'DJANGO_SETTINGS_MODULE')!;
  assert.equal(settings.keyRange.start.line, 5);
  assert.equal(textAt(file, settings.valueRange), 'config.settings.production');
});

test('compose explicit keys beat merged', () => {
  const file = parse(PRODUCTION);
  const worker = service(file, 'worker');
  assert.deepEqual(
    worker.environment.map((entry) => entry.key),
    ['CELERY', 'DJANGO_SETTINGS_MODULE', 'DATABASE_URL'],
  );
  assert.equal(worker.environment[0]!.value, '1');
  assert.equal(textAt(file, worker.command!.range), 'celery -A config worker --concurrency 4');
});

test('compose folded command args', () => {
  const file = parse(PRODUCTION);
  const command = service(file, 'web').command!;
  assert.equal(command.form, 'string');
  assert.deepEqual(
    command.args.map((arg) => arg.value),
    ['gunicorn', 'config.wsgi', '-b', '0.0.0.0:8000', '--workers', '9'],
  );
  for (const arg of command.args) assert.equal(textAt(file, arg.range), arg.value);
  assert.equal(command.args[2]!.range.start.line, 14);
});

test('compose deploy resources', () => {
  const web = service(parse(PRODUCTION), 'web');
  assert.equal(web.replicas?.value, 2);
  assert.equal(web.limits.memory?.value, '512M');
  assert.equal(web.limits.cpus?.value, '0.50');
  assert.equal(web.limits.pids?.value, 200);
  assert.equal(web.reservations.memory?.value, '256M');
  assert.equal(web.reservations.cpus, undefined);
});

test('compose healthcheck forms', () => {
  const file = parse(PRODUCTION);
  const web = service(file, 'web').healthcheck!;
  assert.deepEqual(web.test?.value, ['CMD', 'curl', '-f', 'http://localhost:8000/health']);
  assert.equal(web.interval?.value, '30s');
  assert.equal(web.retries?.value, 3);
  const db = service(file, 'db').healthcheck!;
  assert.equal(db.test?.value, 'pg_isready -U $$POSTGRES_USER');
});

test('compose depends_on mapping names', () => {
  const file = parse(PRODUCTION);
  const dependsOn = service(file, 'worker').dependsOn;
  assert.deepEqual(
    dependsOn.map((entry) => entry.value),
    ['db'],
  );
  assert.equal(textAt(file, dependsOn[0]!.range), 'db');
});

test('compose interpolations in text order', () => {
  const file = parse(PRODUCTION);
  assert.deepEqual(
    file.interpolations.map((entry) => [entry.name, entry.operator, entry.path]),
    [
      ['TAG', ':-', 'x-django.image'],
      ['POSTGRES_USER', ':-', 'x-django.environment.DATABASE_URL'],
      ['POSTGRES_PASSWORD', ':?', 'x-django.environment.DATABASE_URL'],
    ],
  );
  const password = file.interpolations[2]!;
  assert.equal(textAt(file, password.range), '${POSTGRES_PASSWORD:?set it}');
  assert.equal(textAt(file, password.nameRange), 'POSTGRES_PASSWORD');
  assert.equal(password.argument, 'set it');
});

test('compose escaped dollar not interpolated', () => {
  const file = parse(PRODUCTION);
  const paths = file.interpolations.map((entry) => entry.path);
  assert.equal(paths.includes('services.db.healthcheck.test'), false);
});

test('compose service ranges', () => {
  const file = parse(PRODUCTION);
  const db = service(file, 'db');
  assert.equal(textAt(file, db.nameRange), 'db');
  assert.ok(textAt(file, db.range)!.startsWith('image: postgres:16'));
  assert.ok(textAt(file, db.range)!.endsWith('$$POSTGRES_USER'));
});

test('compose findNodeRange follows merges', () => {
  const file = parse(PRODUCTION);
  assert.equal(
    textAt(file, findNodeRange(file, ['services', 'web', 'image'])),
    'shop/web:${TAG:-latest}',
  );
  assert.equal(
    textAt(file, findNodeRange(file, ['services', 'web', 'ports', 0])),
    '"127.0.0.1:8000:8000"',
  );
  assert.equal(
    textAt(file, findNodeRange(file, ['services', 'worker', 'environment', 'CELERY'])),
    '"1"',
  );
  assert.equal(findNodeRange(file, ['services', 'web', 'nope']), undefined);
  assert.equal(findNodeRange(file, ['services', 'web', 'ports', 5]), undefined);
});

test('compose findNodeRange null value gives key', () => {
  const file = parse(PRODUCTION);
  assert.equal(textAt(file, findNodeRange(file, ['volumes', 'db-data'])), 'db-data');
});

test('compose multiple documents', () => {
  const file = parse('services:\n  a:\n    image: x\n---\nservices:\n  b:\n    image: y\n');
  assert.deepEqual(codes(file), []);
  assert.deepEqual(
    file.services.map((entry) => entry.name),
    ['a', 'b'],
  );
  assert.equal(textAt(file, findNodeRange(file, ['services', 'b', 'image'])), 'y');
});

test('compose include forms', () => {
  const file = parse(
    lines(
      'include:',
      '  - ./db.yaml',
      '  - path: ./cache.yaml',
      '  - path: [./a.yaml, ./b.yaml]',
      '    env_file: ./a.env',
    ),
  );
  assert.deepEqual(codes(file), []);
  assert.deepEqual(
    file.includes.map((entry) => entry.value),
    ['./db.yaml', './cache.yaml', './a.yaml', './b.yaml'],
  );
  assert.equal(textAt(file, file.includes[1]!.range), './cache.yaml');
});

test('compose empty file', () => {
  const file = parse('');
  assert.deepEqual(file.services, []);
  assert.deepEqual(file.errors, []);
});
