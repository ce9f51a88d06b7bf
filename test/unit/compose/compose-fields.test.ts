import assert from 'node:assert/strict';
import { test } from 'node:test';
import { codes, lines, parse, service, textAt } from './helpers.js';

function web(body: string) {
  const file = parse(`services:\n  web:\n    image: app\n${body}`);
  return { file, web: service(file, 'web') };
}

test('environment list form', () => {
  const { file, web: svc } = web(
    lines(
      '    environment:',
      '      - DEBUG=0',
      '      - "SECRET_KEY=${SECRET_KEY}"',
      '      - PASSTHROUGH',
      '      - EMPTY=',
    ),
  );
  assert.deepEqual(codes(file), []);
  assert.deepEqual(
    svc.environment.map((entry) => [entry.key, entry.value]),
    [
      ['DEBUG', '0'],
      ['SECRET_KEY', '${SECRET_KEY}'],
      ['PASSTHROUGH', null],
      ['EMPTY', ''],
    ],
  );
  const secret = svc.environment[1]!;
  assert.equal(textAt(file, secret.keyRange), 'SECRET_KEY');
  assert.equal(textAt(file, secret.valueRange), '${SECRET_KEY}');
  assert.equal(textAt(file, secret.range), '"SECRET_KEY=${SECRET_KEY}"');
  assert.equal(textAt(file, svc.environment[2]!.keyRange), 'PASSTHROUGH');
  assert.equal(textAt(file, svc.environment[2]!.valueRange), '');
  const empty = svc.environment[3]!;
  assert.equal(textAt(file, empty.valueRange), '');
  assert.equal(empty.valueRange.start.character, empty.keyRange.end.character + 1);
});

test('environment map form converts scalars', () => {
  const { file, web: svc } = web(
    lines(
      '    environment:',
      '      PORT: 8000',
      '      DEBUG: True',
      '      RATIO: 0.50',
      '      BIG: 1000000.0',
      '      NULL_VALUE:',
      '      TILDE: ~',
      '      TEXT: "quoted"',
    ),
  );
  assert.deepEqual(codes(file), []);
  assert.deepEqual(
    svc.environment.map((entry) => [entry.key, entry.value]),
    [
      ['PORT', '8000'],
      ['DEBUG', 'true'],
      ['RATIO', '0.5'],
      ['BIG', '1e+06'],
      ['NULL_VALUE', null],
      ['TILDE', null],
      ['TEXT', 'quoted'],
    ],
  );
  assert.equal(textAt(file, svc.environment[0]!.valueRange), '8000');
  assert.equal(textAt(file, svc.environment[0]!.range), 'PORT: 8000');
});

test('environment list key space rejected', () => {
  const { file } = web('    environment:\n      - "KEY =value"\n');
  assert.deepEqual(codes(file), ['compose-invalid-value']);
  assert.equal(textAt(file, file.errors[0]!.range), 'KEY ');
});

test('environment wrong type rejected', () => {
  const { file } = web('    environment: KEY=value\n');
  assert.deepEqual(codes(file), ['compose-invalid-value']);
  assert.match(file.errors[0]!.message, /services\.web\.environment must be a mapping or a list/);
});

test('environment nested value rejected', () => {
  const { file, web: svc } = web('    environment:\n      A: [1, 2]\n      B: ok\n');
  assert.deepEqual(codes(file), ['compose-invalid-value']);
  assert.deepEqual(
    svc.environment.map((entry) => entry.key),
    ['B'],
  );
});

test('env_file string form', () => {
  const { file, web: svc } = web('    env_file: .env.production\n');
  assert.deepEqual(svc.envFiles, [
    { path: '.env.production', required: true, range: svc.envFiles[0]!.range },
  ]);
  assert.equal(textAt(file, svc.envFiles[0]!.range), '.env.production');
});

test('env_file list and mapping forms', () => {
  const { file, web: svc } = web(
    lines(
      '    env_file:',
      '      - .env',
      '      - path: ./override.env',
      '        required: false',
      '      - path: ./other.env',
    ),
  );
  assert.deepEqual(codes(file), []);
  assert.deepEqual(
    svc.envFiles.map((entry) => [entry.path, entry.required]),
    [
      ['.env', true],
      ['./override.env', false],
      ['./other.env', true],
    ],
  );
  assert.equal(textAt(file, svc.envFiles[1]!.range), './override.env');
});

test('env_file mapping without path', () => {
  const { file, web: svc } = web('    env_file:\n      - required: false\n');
  assert.deepEqual(codes(file), ['compose-invalid-value']);
  assert.deepEqual(svc.envFiles, []);
});

test('ports short forms', () => {
  const { file, web: svc } = web(
    lines(
      '    ports:',
      '      - "127.0.0.1:5432:5432"',
      '      - "8000:8000"',
      '      - "8000"',
      '      - 9000',
      '      - "8000-8010:8000-8010"',
      '      - "53:53/udp"',
      '      - "[::1]:80:80"',
      '      - "${WEB_PORT:-8000}:8000"',
    ),
  );
  assert.deepEqual(codes(file), []);
  assert.deepEqual(
    svc.ports.map((port) => [port.hostIp, port.published, port.target, port.protocol]),
    [
      ['127.0.0.1', '5432', '5432', undefined],
      [undefined, '8000', '8000', undefined],
      [undefined, undefined, '8000', undefined],
      [undefined, undefined, '9000', undefined],
      [undefined, '8000-8010', '8000-8010', undefined],
      [undefined, '53', '53', 'udp'],
      ['::1', '80', '80', undefined],
      [undefined, '${WEB_PORT:-8000}', '8000', undefined],
    ],
  );
  assert.equal(textAt(file, svc.ports[0]!.range), '"127.0.0.1:5432:5432"');
  assert.equal(svc.ports[3]!.raw, '9000');
});

test('ports long form', () => {
  const { file, web: svc } = web(
    lines(
      '    ports:',
      '      - target: 80',
      '        published: 8080',
      '        host_ip: 127.0.0.1',
      '        protocol: tcp',
    ),
  );
  assert.deepEqual(codes(file), []);
  const port = svc.ports[0]!;
  assert.equal(port.target, '80');
  assert.equal(port.published, '8080');
  assert.equal(port.hostIp, '127.0.0.1');
  assert.equal(port.protocol, 'tcp');
  assert.ok(textAt(file, port.range)!.startsWith('target: 80'));
  assert.ok(textAt(file, port.range)!.endsWith('protocol: tcp'));
});

test('ports invalid forms rejected', () => {
  const { file, web: svc } = web(
    lines(
      '    ports:',
      '      - "80:http"',
      '      - "1.2.3:80:80"',
      '      - "80/xyz"',
      '      - "70000"',
      '      - "8000-8001:9000-9005"',
    ),
  );
  assert.deepEqual(codes(file), Array(5).fill('compose-invalid-value'));
  assert.deepEqual(svc.ports, []);
});

test('volumes short forms', () => {
  const { file, web: svc } = web(
    lines(
      '    volumes:',
      '      - ./nginx/nginx.conf:/etc/nginx/nginx.conf:ro',
      '      - static:/app/static',
      '      - /data',
      '      - ~/cache:/cache:rw',
      '      - C:\\data:/data',
      '      - ${DATA_DIR:-./data}:/data',
    ),
  );
  assert.deepEqual(codes(file), []);
  assert.deepEqual(
    svc.volumes.map((volume) => [volume.type, volume.source, volume.target, volume.readOnly]),
    [
      ['bind', './nginx/nginx.conf', '/etc/nginx/nginx.conf', true],
      ['volume', 'static', '/app/static', false],
      ['volume', undefined, '/data', false],
      ['bind', '~/cache', '/cache', false],
      ['bind', 'C:\\data', '/data', false],
      ['bind', '${DATA_DIR:-./data}', '/data', false],
    ],
  );
  assert.equal(textAt(file, svc.volumes[0]!.range), './nginx/nginx.conf:/etc/nginx/nginx.conf:ro');
  assert.equal(textAt(file, svc.volumes[0]!.sourceRange!), './nginx/nginx.conf');
  assert.equal(svc.volumes[2]!.sourceRange, undefined);
});

test('volumes long form', () => {
  const { file, web: svc } = web(
    lines(
      '    volumes:',
      '      - type: bind',
      '        source: ./app',
      '        target: /app',
      '        read_only: true',
    ),
  );
  assert.deepEqual(codes(file), []);
  const volume = svc.volumes[0]!;
  assert.deepEqual(
    [volume.type, volume.source, volume.target, volume.readOnly],
    ['bind', './app', '/app', true],
  );
  assert.equal(textAt(file, volume.sourceRange!), './app');
});

test('volumes invalid forms rejected', () => {
  const { file } = web(
    lines(
      '    volumes:',
      '      - "./a::/b"',
      '      - ./x:/y:ro:z',
      '      - type: weird',
      '        target: /x',
    ),
  );
  assert.deepEqual(codes(file), Array(3).fill('compose-invalid-value'));
});

test('labels list and map forms', () => {
  const list = web(
    lines(
      '    labels:',
      '      - traefik.http.routers.web.rule=Host(`example.com`)',
      '      - traefik.enable=true',
    ),
  );
  assert.deepEqual(
    list.web.labels.map((label) => [label.key, label.value]),
    [
      ['traefik.http.routers.web.rule', 'Host(`example.com`)'],
      ['traefik.enable', 'true'],
    ],
  );
  assert.equal(textAt(list.file, list.web.labels[0]!.valueRange), 'Host(`example.com`)');
  const map = web('    labels:\n      traefik.enable: true\n      com.example.empty:\n');
  assert.deepEqual(
    map.web.labels.map((label) => [label.key, label.value]),
    [
      ['traefik.enable', 'true'],
      ['com.example.empty', ''],
    ],
  );
  assert.equal(textAt(map.file, map.web.labels[0]!.keyRange), 'traefik.enable');
});

test('command list form', () => {
  const { file, web: svc } = web(
    '    command: ["python", "manage.py", "runserver", "0.0.0.0:8000"]\n',
  );
  assert.equal(svc.command?.form, 'list');
  assert.deepEqual(
    svc.command!.args.map((arg) => textAt(file, arg.range)),
    ['"python"', '"manage.py"', '"runserver"', '"0.0.0.0:8000"'],
  );
});

test('command string quoted ranges', () => {
  const { file, web: svc } = web(`    command: sh -c "python manage.py migrate && gunicorn app"\n`);
  assert.deepEqual(codes(file), []);
  assert.deepEqual(
    svc.command!.args.map((arg) => arg.value),
    ['sh', '-c', 'python manage.py migrate && gunicorn app'],
  );
  assert.equal(
    textAt(file, svc.command!.args[2]!.range),
    '"python manage.py migrate && gunicorn app"',
  );
});

test('command literal block scalar', () => {
  const { file, web: svc } = web('    entrypoint: |\n      /entrypoint.sh\n      --verbose\n');
  assert.deepEqual(
    svc.entrypoint!.args.map((arg) => [arg.value, textAt(file, arg.range)]),
    [
      ['/entrypoint.sh', '/entrypoint.sh'],
      ['--verbose', '--verbose'],
    ],
  );
});

test('command null keeps image default', () => {
  assert.equal(web('    command: null\n').web.command, undefined);
  assert.deepEqual(web('    command: []\n').web.command?.args, []);
});

test('command unquoted operator truncates', () => {
  const { file, web: svc } = web('    command: python manage.py migrate && gunicorn app\n');
  assert.deepEqual(
    svc.command!.args.map((arg) => arg.value),
    ['python', 'manage.py', 'migrate'],
  );
  assert.deepEqual(codes(file), ['compose-command-truncated']);
  assert.equal(file.errors[0]!.severity, 'warning');
  assert.equal(textAt(file, file.errors[0]!.range), '&& gunicorn app');
});

test('command unterminated quote rejected', () => {
  const { file } = web(`    command: echo "oops\n`);
  assert.deepEqual(codes(file), ['compose-invalid-value']);
  assert.equal(textAt(file, file.errors[0]!.range), '"');
});

test('command list item number rejected', () => {
  const { file, web: svc } = web('    command: [sleep, 10]\n');
  assert.deepEqual(codes(file), ['compose-invalid-value']);
  assert.deepEqual(
    svc.command!.args.map((arg) => arg.value),
    ['sleep', '10'],
  );
});

test('command with interpolation stays whole', () => {
  const { file, web: svc } = web('    command: gunicorn -w ${WORKERS:-2 } app\n');
  assert.deepEqual(
    svc.command!.args.map((arg) => arg.value),
    ['gunicorn', '-w', '${WORKERS:-2 }', 'app'],
  );
  assert.equal(textAt(file, svc.command!.args[2]!.range), '${WORKERS:-2 }');
});

test('memory and cpu fields', () => {
  const { file, web: svc } = web(
    '    mem_limit: 512m\n    mem_reservation: 268435456\n    cpus: 1.5\n',
  );
  assert.deepEqual(codes(file), []);
  assert.equal(svc.memLimit?.value, '512m');
  assert.equal(svc.memReservation?.value, '268435456');
  assert.equal(svc.cpus?.value, '1.5');
  assert.equal(textAt(file, svc.cpus!.range), '1.5');
});

test('resources memory number rejected', () => {
  const { file, web: svc } = web(
    '    deploy:\n      resources:\n        limits:\n          memory: 512\n',
  );
  assert.deepEqual(codes(file), ['compose-invalid-value']);
  assert.equal(svc.limits.memory, undefined);
});

test('replicas string cast', () => {
  assert.equal(web('    deploy:\n      replicas: "3"\n').web.replicas?.value, 3);
  const interpolated = web('    deploy:\n      replicas: ${REPLICAS:-2}\n');
  assert.equal(interpolated.web.replicas, undefined);
  assert.deepEqual(codes(interpolated.file), []);
  const bad = web('    deploy:\n      replicas: many\n');
  assert.deepEqual(codes(bad.file), ['compose-invalid-value']);
});

test('cpus text must be float', () => {
  assert.deepEqual(codes(web('    cpus: "0.5"\n').file), []);
  assert.deepEqual(codes(web('    cpus: half\n').file), ['compose-invalid-value']);
});

test('privileged boolean and casts', () => {
  assert.equal(web('    privileged: true\n').web.privileged?.value, true);
  assert.equal(web('    privileged: "false"\n').web.privileged?.value, false);
  assert.equal(web('    privileged: yes\n').web.privileged?.value, true);
  assert.deepEqual(codes(web('    privileged: maybe\n').file), ['compose-invalid-value']);
});

test('profiles extends network_mode build', () => {
  const { file, web: svc } = web(
    lines(
      '    profiles: [debug, tools]',
      '    extends:',
      '      file: common.yaml',
      '      service: base',
      '    network_mode: host',
      '    build:',
      '      context: .',
      '      dockerfile: docker/Dockerfile',
    ),
  );
  assert.deepEqual(codes(file), []);
  assert.deepEqual(svc.profiles, ['debug', 'tools']);
  assert.equal(svc.extends?.service.value, 'base');
  assert.equal(svc.extends?.file?.value, 'common.yaml');
  assert.equal(svc.networkMode?.value, 'host');
  assert.equal(svc.build?.context?.value, '.');
  assert.equal(svc.build?.dockerfile?.value, 'docker/Dockerfile');
});

test('build and extends string forms', () => {
  const { web: svc } = web('    build: ./backend\n    extends: base\n');
  assert.equal(svc.build?.context?.value, './backend');
  assert.equal(svc.extends?.service.value, 'base');
});

test('depends_on list form', () => {
  const { file, web: svc } = web('    depends_on:\n      - db\n      - redis\n');
  assert.deepEqual(
    svc.dependsOn.map((entry) => entry.value),
    ['db', 'redis'],
  );
  assert.equal(textAt(file, svc.dependsOn[1]!.range), 'redis');
});

test('anchored environment list alias', () => {
  const file = parse(
    'x-env: &env\n  - A=1\n  - B=${B}\nservices:\n  web:\n    image: app\n    environment: *env\n',
  );
  const env = service(file, 'web').environment;
  assert.deepEqual(
    env.map((entry) => entry.key),
    ['A', 'B'],
  );
  assert.equal(env[1]!.keyRange.start.line, 2);
  assert.equal(file.interpolations.length, 1);
  assert.equal(file.interpolations[0]!.path, 'x-env[1]');
});
