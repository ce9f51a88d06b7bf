import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeFiles } from '../../helpers/temp-workspace.js';

const web = 'services:\n  web:\n    build: .\n    command: gunicorn app.wsgi -b 0.0.0.0:8000\n';

describe('compose projects', () => {
  test('override file joins its base', () => {
    const { deployments } = analyzeFiles({
      'docker-compose.yml': web,
      'docker-compose.override.yml': 'services:\n  web:\n    environment:\n      DEBUG: "1"\n',
    });
    assert.equal(deployments[0]!.composeFiles.length, 2);
    assert.equal(deployments[1]!.composeFiles.length, 1);
  });

  test('standalone production file is its own project', () => {
    const { deployments } = analyzeFiles({
      'docker-compose.yml': web,
      'docker-compose.prod.yml': web,
    });
    assert.deepEqual(deployments.map((deployment) => deployment.id).sort(), ['docker-compose.prod.yml', 'docker-compose.yml']);
  });

  test('production stage from the file name', () => {
    const { deployments } = analyzeFiles({ 'docker-compose.production.yml': web });
    assert.equal(deployments[0]!.stage, 'production');
  });

  test('included file joins the project', () => {
    const { deployments } = analyzeFiles({
      'compose.yaml': `include:\n  - db.yaml\n${web}`,
      'db.yaml': 'services:\n  db:\n    image: postgres:16\n',
    });
    assert.equal(deployments.length, 1);
    assert.deepEqual(deployments[0]!.services.map((service) => service.name).sort(), ['db', 'web']);
  });

  test('self include does not loop', () => {
    const { deployments } = analyzeFiles({ 'compose.yaml': `include:\n  - compose.yaml\n${web}` });
    assert.equal(deployments.length, 1);
  });
});

describe('service environment', () => {
  test('environment wins over env_file', () => {
    const { deployments } = analyzeFiles({
      'docker-compose.yml': `${web}    env_file: app.env\n    environment:\n      LEVEL: debug\n`,
      'app.env': 'LEVEL=info\nNAME=shop\n',
    });
    const environment = deployments[0]!.services[0]!.environment;
    assert.equal(environment.get('LEVEL')?.value, 'debug');
    assert.equal(environment.get('NAME')?.value, 'shop');
  });

  test('template stands in for missing .env', () => {
    const { deployments } = analyzeFiles({
      'docker-compose.yml': `${web}    env_file: .env\n`,
      'env.template': 'NAME=shop\n',
    });
    const variable = deployments[0]!.services[0]!.environment.get('NAME');
    assert.equal(variable?.standIn, true);
    assert.equal(variable?.location.file, 'env.template');
  });

  test('interpolation uses the project .env', () => {
    const { deployments } = analyzeFiles({
      'docker-compose.yml': `${web}    environment:\n      URL: "https://\${DOMAIN}/"\n`,
      '.env': 'DOMAIN=example.com\n',
    });
    assert.equal(deployments[0]!.services[0]!.environment.get('URL')?.value, 'https://example.com/');
  });

  test('merge key brings anchor environment', () => {
    const { deployments } = analyzeFiles({
      'docker-compose.yml':
        'x-app: &app\n  environment:\n    NAME: shop\nservices:\n  web:\n    <<: *app\n    image: shop\n    command: gunicorn app.wsgi\n',
    });
    const variable = deployments[0]!.services[0]!.environment.get('NAME');
    assert.equal(variable?.value, 'shop');
    assert.equal(variable?.location.range.start.line, 2);
  });
});

describe('django app', () => {
  test('settings module from DJANGO_SETTINGS_MODULE', () => {
    const { deployments } = analyzeFiles({
      'docker-compose.yml': `${web}    environment:\n      DJANGO_SETTINGS_MODULE: shop.settings.production\n`,
      'shop/settings/base.py': 'DEBUG = True\n',
      'shop/settings/production.py': 'from .base import *\nDEBUG = False\n',
      'shop/settings/local.py': 'from .base import *\n',
    });
    const django = deployments[0]!.django!;
    assert.equal(django.settingsFile, 'shop/settings/production.py');
    assert.deepEqual(django.evaluation.settings.get('DEBUG')?.value, { type: 'bool', value: false });
  });

  test('settings module from manage.py', () => {
    const { deployments } = analyzeFiles({
      'docker-compose.dev.yml': web,
      'manage.py': 'import os\ndef main():\n    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings.local")\n',
      'shop/settings/base.py': 'DEBUG = False\n',
      'shop/settings/local.py': 'from .base import *\nDEBUG = True\n',
      'shop/settings/production.py': 'from .base import *\n',
    });
    assert.equal(deployments[0]!.django?.settingsFile, 'shop/settings/local.py');
  });

  test('built backend service runs Django', () => {
    const { deployments } = analyzeFiles({
      'docker-compose.yml': 'services:\n  backend:\n    build: .\n  db:\n    image: postgres:16\n',
      'settings.py': 'DEBUG = False\n',
    });
    assert.deepEqual(deployments[0]!.django?.services.map((service) => service.name), ['backend']);
  });

  test('no compose reads env files directly', () => {
    const { deployments } = analyzeFiles({
      '.env.example': 'NAME=shop\n',
      'settings.py': 'import os\nNAME = os.environ["NAME"]\n',
    });
    assert.deepEqual(deployments[0]!.django?.evaluation.settings.get('NAME')?.value, { type: 'str', value: 'shop' });
  });
});

describe('nginx configs', () => {
  test('mounted conf.d file starts in http', () => {
    const { deployments } = analyzeFiles({
      'docker-compose.yml':
        'services:\n  proxy:\n    image: nginx:1.27\n    volumes:\n      - ./site.conf:/etc/nginx/conf.d/default.conf:ro\n',
      'site.conf': 'server {\n    listen 80;\n}\n',
    });
    const config = deployments[0]!.nginx[0]!;
    assert.equal(config.entry.source.path, 'site.conf');
    assert.equal(config.context, 'http');
  });

  test('includes resolve through folder mounts', () => {
    const { deployments } = analyzeFiles({
      'docker-compose.yml':
        'services:\n  proxy:\n    image: nginx:1.27\n    volumes:\n      - ./nginx/nginx.conf:/etc/nginx/nginx.conf:ro\n      - ./nginx/sites:/etc/nginx/sites-enabled:ro\n',
      'nginx/nginx.conf': 'events {}\nhttp {\n    include /etc/nginx/sites-enabled/*.conf;\n}\n',
      'nginx/sites/app.conf': 'server {\n    listen 80;\n}\n',
    });
    const config = deployments[0]!.nginx[0]!;
    assert.deepEqual(config.files, ['nginx/nginx.conf', 'nginx/sites/app.conf']);
  });

  test('unmounted nginx file is standalone', () => {
    const { deployments } = analyzeFiles({ 'nginx/site.conf': 'server {\n    listen 80;\n}\n' });
    assert.equal(deployments[0]!.nginx.length, 1);
  });
});

describe('service extends', () => {
  test('extends from another file brings its command', () => {
    const { deployments } = analyzeFiles({
      'docker-compose.yml': 'services:\n  web:\n    extends:\n      file: common.yml\n      service: app\n    environment:\n      LEVEL: info\n',
      'common.yml': 'services:\n  app:\n    build: .\n    command: gunicorn app.wsgi\n',
    });
    const service = deployments.find((deployment) => deployment.id === 'docker-compose.yml')!.services[0]!;
    assert.equal(service.command[0]?.value, 'gunicorn');
    assert.equal(service.environment.get('LEVEL')?.value, 'info');
  });

  test('extends cycle stops', () => {
    const { deployments } = analyzeFiles({
      'docker-compose.yml': 'services:\n  a:\n    image: x\n    extends: b\n  b:\n    image: y\n    extends: a\n',
    });
    assert.equal(deployments[0]!.services.length, 2);
  });
});

describe('compose add-on files', () => {
  test('file depending on base services joins it', () => {
    const { deployments, problems } = analyzeFiles({
      'docker-compose.yml': 'services:\n  db:\n    image: postgres:16\n',
      'docker-compose-inits.yml': 'services:\n  manage:\n    image: app\n    depends_on:\n      - db\n',
    });
    const ids = deployments.map((deployment) => deployment.id);
    assert.deepEqual(ids, ['docker-compose.yml', 'docker-compose.yml + docker-compose-inits.yml']);
    assert.equal(deployments[1]!.composeFiles.length, 2);
    assert.equal(problems.filter((problem) => problem.code === 'compose-depends-on-unknown').length, 0);
  });

  test('add-on file runs without overrides', () => {
    const { deployments } = analyzeFiles({
      'docker-compose.yml': web,
      'docker-compose.override.yml': 'services:\n  web:\n    environment:\n      A: "1"\n',
      'docker-compose.dev.yml': 'services:\n  web:\n    environment:\n      B: "1"\n',
    });
    const files = deployments.map((deployment) => deployment.composeFiles.map((file) => file.source.path));
    assert.deepEqual(files, [
      ['docker-compose.yml', 'docker-compose.override.yml'],
      ['docker-compose.yml'],
      ['docker-compose.yml', 'docker-compose.dev.yml'],
    ]);
  });

  test('add-on files merge one at a time', () => {
    const adjust = 'services:\n  web:\n    environment:\n      A: "1"\n';
    const { deployments } = analyzeFiles({
      'docker-compose.yml': web,
      'docker-compose.dev.yml': adjust,
      'docker-compose.prod.yml': adjust,
    });
    const stages = Object.fromEntries(deployments.map((deployment) => [deployment.id, deployment.stage]));
    assert.deepEqual(stages, {
      'docker-compose.yml': 'unknown',
      'docker-compose.yml + docker-compose.dev.yml': 'development',
      'docker-compose.yml + docker-compose.prod.yml': 'production',
    });
  });
});
