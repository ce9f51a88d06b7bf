import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeFiles, findings, problemsOf } from '../../helpers/temp-workspace.js';

describe('variable-missing', () => {
  test('required read without provider is an error', () => {
    const analysis = analyzeFiles({
      '.env.example': 'SECRET_KEY=\n',
      'settings.py': 'import os\nSECRET_KEY = os.environ["SECRET_KEY"]\nAPI_KEY = os.environ["API_KEY"]\n',
    });
    assert.deepEqual(findings(analysis, 'variable-missing'), ['settings.py:3']);
    assert.equal(problemsOf(analysis, 'variable-missing')[0]!.severity, 'error');
  });

  test('decouple config without default is required', () => {
    const analysis = analyzeFiles({
      '.env.example': 'TIME_ZONE=UTC\n',
      'settings.py': 'from decouple import config, Csv\nALLOWED_HOSTS = config("ALLOWED_HOSTS", cast=Csv())\n',
    });
    assert.deepEqual(findings(analysis, 'variable-missing'), ['settings.py:2']);
  });

  test('plain None is information', () => {
    const analysis = analyzeFiles({
      '.env.example': 'A=1\n',
      'settings.py': 'import os\nA = os.environ.get("A")\nMETRICS_KEY = os.getenv("METRICS_KEY")\n',
    });
    const problems = problemsOf(analysis, 'variable-missing');
    assert.deepEqual(findings(analysis, 'variable-missing'), ['settings.py:3']);
    assert.equal(problems[0]!.severity, 'information');
  });

  test('None formatted into a URL is a warning', () => {
    const analysis = analyzeFiles({
      '.env.example': 'A=1\n',
      'settings.py':
        'import os\nA = os.environ.get("A")\nREDIS_PASSWORD = os.environ.get("REDIS_PASSWORD")\nREDIS_URL = f"redis://:{REDIS_PASSWORD}@redis:6379/0"\n',
    });
    const problems = problemsOf(analysis, 'variable-missing');
    assert.deepEqual(findings(analysis, 'variable-missing'), ['settings.py:3']);
    assert.equal(problems[0]!.severity, 'warning');
    assert.equal(problems[0]!.related[0]!.location.range.start.line, 3);
  });

  test('method call on None is an error', () => {
    const analysis = analyzeFiles({
      '.env.example': 'A=1\n',
      'settings.py': 'import os\nA = os.environ.get("A")\nHOSTS = os.environ.get("HOSTS").split(" ")\n',
    });
    const problems = problemsOf(analysis, 'variable-missing');
    assert.equal(problems[0]!.severity, 'error');
    assert.match(problems[0]!.message, /AttributeError/);
  });

  test('variable from compose environment is provided', () => {
    const analysis = analyzeFiles({
      'docker-compose.yml': 'services:\n  web:\n    build: .\n    command: gunicorn app.wsgi\n    environment:\n      API_KEY: abc\n',
      'settings.py': 'import os\nAPI_KEY = os.environ["API_KEY"]\n',
    });
    assert.deepEqual(findings(analysis, 'variable-missing'), []);
  });

  test('template stands in for a missing env_file', () => {
    const analysis = analyzeFiles({
      'docker-compose.yml': 'services:\n  web:\n    build: .\n    command: gunicorn app.wsgi\n    env_file: .env\n',
      'env.template': 'API_KEY=\n',
      'settings.py': 'import os\nAPI_KEY = os.environ["API_KEY"]\n',
    });
    assert.deepEqual(findings(analysis, 'variable-missing'), []);
  });
});

describe('variable-default-used', () => {
  test('read with default and no provider is information', () => {
    const analysis = analyzeFiles({
      '.env.example': 'A=1\n',
      'settings.py': 'import os\nA = os.environ.get("A")\nTZ_NAME = os.environ.get("TZ_NAME", "UTC")\n',
    });
    const problems = problemsOf(analysis, 'variable-default-used');
    assert.deepEqual(findings(analysis, 'variable-default-used'), ['settings.py:3']);
    assert.equal(problems[0]!.severity, 'information');
    assert.match(problems[0]!.message, /"UTC"/);
  });

  test('secret default is described by length', () => {
    const analysis = analyzeFiles({
      '.env.example': 'A=1\n',
      'settings.py': 'import os\nA = os.environ.get("A")\nDB_PASSWORD = os.environ.get("DB_PASSWORD", "postgres")\n',
    });
    const [problem] = problemsOf(analysis, 'variable-default-used');
    assert.match(problem?.message ?? '', /the default \(an 8-character string, not shown\) is used/);
    assert.doesNotMatch(problem?.message ?? '', /postgres/);
  });
});

describe('variable-default-used with a later module', () => {
  // production.py runs base.py first, then reassigns what it needs to.
  const split = (base: string[], production: string[]) => ({
    'docker-compose.yml':
      'services:\n  web:\n    build: .\n    command: gunicorn shop.wsgi\n' +
      '    environment:\n      DJANGO_SETTINGS_MODULE: shop.settings.production\n',
    'shop/settings/base.py': ['import os', ...base, ''].join('\n'),
    'shop/settings/production.py': ['from .base import *', ...production, ''].join('\n'),
  });
  const base = ['TIME_ZONE = os.environ.get("TZ_NAME", "UTC")', 'DEBUG = os.environ.get("DJANGO_DEBUG", "") == "1"'];

  test('reassigned setting drops the note', () => {
    const analysis = analyzeFiles(split(base, ['TIME_ZONE = "Europe/Paris"', 'DEBUG = False']));
    assert.deepEqual(findings(analysis, 'variable-default-used'), []);
  });

  test('setting kept in effect is reported', () => {
    const analysis = analyzeFiles(split(base, ['DEBUG = False']));
    assert.deepEqual(findings(analysis, 'variable-default-used'), ['shop/settings/base.py:2']);
  });

  test('setting built from the read is reported', () => {
    const analysis = analyzeFiles(split([...base, 'TEMPLATE_TZ = TIME_ZONE'], ['TIME_ZONE = "Europe/Paris"', 'DEBUG = False']));
    assert.deepEqual(findings(analysis, 'variable-default-used'), ['shop/settings/base.py:2']);
  });

  test('helper name feeding a setting is reported', () => {
    const helper = ['_zone = os.environ.get("TZ_NAME", "UTC")', 'TIME_ZONE = _zone', 'CELERY_TIMEZONE = _zone'];
    const analysis = analyzeFiles(split(helper, ['TIME_ZONE = "Europe/Paris"']));
    assert.deepEqual(findings(analysis, 'variable-default-used'), ['shop/settings/base.py:2']);
  });

  test('conditional reassignment is reported', () => {
    const production = ['if os.path.exists("/etc/shop-zone"):', '    TIME_ZONE = "Europe/Paris"'];
    const analysis = analyzeFiles(split(base.slice(0, 1), production));
    assert.deepEqual(findings(analysis, 'variable-default-used'), ['shop/settings/base.py:2']);
  });

  test('augmented assignment is reported', () => {
    const hosts = ['ALLOWED_HOSTS = os.environ.get("HOSTS", "localhost").split(",")'];
    const analysis = analyzeFiles(split(hosts, ['ALLOWED_HOSTS += ["shop.example.com"]']));
    assert.deepEqual(findings(analysis, 'variable-default-used'), ['shop/settings/base.py:2']);
  });

  test('call of a project function is reported', () => {
    const production = ['def zone():', '    return TIME_ZONE', 'TIME_ZONE = "Europe/Paris"', 'CELERY_TIMEZONE = zone()'];
    const analysis = analyzeFiles(split(base.slice(0, 1), production));
    assert.deepEqual(findings(analysis, 'variable-default-used'), ['shop/settings/base.py:2']);
  });
});

describe('variable-name-mismatch', () => {
  const files = {
    'docker-compose.yml':
      'services:\n  web:\n    build: .\n    command: gunicorn app.wsgi\n    environment:\n      - DB_CONNECT_TIMEOUT=10\n',
    'settings.py': 'import os\nTIMEOUT = int(os.environ.get("DB_CONNECTION_TIMEOUT", 10))\n',
  };

  test('abbreviated word is a near miss', () => {
    const analysis = analyzeFiles(files);
    assert.deepEqual(findings(analysis, 'variable-name-mismatch'), ['settings.py:2']);
    assert.match(problemsOf(analysis, 'variable-name-mismatch')[0]!.message, /Did you mean DB_CONNECT_TIMEOUT/);
  });

  test('near miss is not also reported as unused', () => {
    const analysis = analyzeFiles(files);
    assert.deepEqual(findings(analysis, 'variable-unused'), []);
  });

  test('fix renames the read', () => {
    const analysis = analyzeFiles(files);
    const fixes = problemsOf(analysis, 'variable-name-mismatch')[0]!.fixes;
    const fix = fixes.find((candidate) => candidate.title.startsWith('Read'))!;
    assert.equal(fix.edits[0]!.newText, 'DB_CONNECT_TIMEOUT');
    assert.equal(fix.edits[0]!.range.start.line, 1);
  });

  test('distinct names stay silent', () => {
    const analysis = analyzeFiles({
      '.env.example': 'REDIS_DB_1=1\nCACHE_TTL=5\n',
      'settings.py': 'import os\nA = os.environ.get("REDIS_DB_2", "0")\nB = os.environ.get("CACHE_TTL", "5")\n',
    });
    assert.deepEqual(findings(analysis, 'variable-name-mismatch'), []);
  });
});

describe('variable-unused', () => {
  test('template variable read by nothing', () => {
    const analysis = analyzeFiles({
      '.env.example': 'USED=1\nLEFTOVER=2\n',
      'settings.py': 'import os\nUSED = os.environ.get("USED")\n',
    });
    assert.deepEqual(findings(analysis, 'variable-unused'), ['.env.example:2']);
  });

  test('well-known consumers stay silent', () => {
    const analysis = analyzeFiles({
      '.env.example': 'POSTGRES_PASSWORD=\nPYTHONUNBUFFERED=1\nGUNICORN_CMD_ARGS=--timeout 60\n',
      'settings.py': 'DEBUG = False\n',
    });
    assert.deepEqual(findings(analysis, 'variable-unused'), []);
  });

  test('interpolated project variable stays silent', () => {
    const analysis = analyzeFiles({
      'docker-compose.yml':
        'services:\n  web:\n    build: .\n    command: gunicorn app.wsgi\n    env_file: .env\n    labels:\n      - traefik.http.routers.web.rule=Host(`${DOMAIN}`)\n',
      '.env': 'DOMAIN=example.com\n',
      'settings.py': 'DEBUG = False\n',
    });
    assert.deepEqual(findings(analysis, 'variable-unused'), []);
  });

  test('name used in other python code stays silent', () => {
    const analysis = analyzeFiles({
      '.env.example': 'WORKER_QUEUE=high\n',
      'settings.py': 'DEBUG = False\n',
      'app/tasks.py': 'import os\nQUEUE = os.getenv("WORKER_QUEUE")\n',
    });
    assert.deepEqual(findings(analysis, 'variable-unused'), []);
  });

  test('env file of another service stays silent', () => {
    const analysis = analyzeFiles({
      'docker-compose.yml':
        'services:\n  web:\n    build: .\n    command: gunicorn app.wsgi\n  search:\n    image: opensearch:2\n    env_file: search.env\n',
      'search.env': 'DISCOVERY_TYPE=single-node\n',
      'settings.py': 'DEBUG = False\n',
    });
    assert.deepEqual(findings(analysis, 'variable-unused'), []);
  });
});

describe('variable-unused consumers', () => {
  test('entrypoint script reference stays silent', () => {
    const analysis = analyzeFiles({
      '.env.example': 'DATABASE=postgres\n',
      'settings.py': 'DEBUG = False\n',
      'app/entrypoint.sh': '#!/bin/sh\nif [ "$DATABASE" = "postgres" ]; then echo wait; fi\n',
    });
    assert.deepEqual(findings(analysis, 'variable-unused'), []);
  });

  test('hyphenated sample stands in', () => {
    const analysis = analyzeFiles({
      'docker-compose.yml': 'services:\n  web:\n    build: .\n    command: gunicorn app.wsgi\n    env_file: .env.dev\n',
      '.env.dev-sample': 'API_KEY=\n',
      'settings.py': 'import os\nAPI_KEY = os.environ["API_KEY"]\n',
    });
    assert.deepEqual(findings(analysis, 'variable-missing'), []);
  });
});

describe('variable checks across services', () => {
  test('worker without env file fails', () => {
    const analysis = analyzeFiles({
      'docker-compose.yml':
        'services:\n  web:\n    build: .\n    command: gunicorn app.wsgi\n    env_file: .env\n  worker:\n    build: .\n    command: celery -A app worker\n',
      '.env.example': 'SECRET_KEY=\n',
      'settings.py': 'import os\nSECRET_KEY = os.environ["SECRET_KEY"]\n',
    });
    assert.deepEqual(findings(analysis, 'variable-missing'), ['docker-compose.yml:6']);
  });

  test('misspelt required variable is an error', () => {
    const analysis = analyzeFiles({
      '.env.example': 'DATABSE_URL=postgres://u:p@db/app\n',
      'settings.py': 'import environ\nenv = environ.Env()\nDATABASES = {"default": env.db("DATABASE_URL")}\n',
    });
    const [problem] = problemsOf(analysis, 'variable-name-mismatch');
    assert.equal(problem?.severity, 'error');
    assert.equal(problem?.fixes[0]?.edits[0]?.newText, 'DATABASE_URL');
  });

  test('unreadable env file silences missing', () => {
    const analysis = analyzeFiles({
      '.env.example': `${'X=1\n'.repeat(600_000)}VAR_5=1\n`,
      'settings.py': 'import os\nVAR_5 = os.environ["VAR_5"]\n',
    });
    assert.deepEqual(findings(analysis, 'variable-missing'), []);
  });
});

describe('override files', () => {
  test('base without override is checked too', () => {
    const { deployments } = analyzeFiles({
      'docker-compose.yml': 'services:\n  web:\n    build: .\n    command: gunicorn app.wsgi\n',
      'docker-compose.override.yml': 'services:\n  web:\n    command: python manage.py runserver\n',
      'settings.py': 'DEBUG = False\n',
    });
    assert.equal(deployments.length, 2);
    assert.equal(deployments[0]!.stage, 'development');
  });
});

describe('redundant notes', () => {
  test('default note yields to a warning on its line', () => {
    const analysis = analyzeFiles({
      '.env.example': 'A=1\n',
      'settings.py': 'from decouple import config\nA = config("A")\nDEBUG = config("DEBUG", default=True, cast=bool)\n',
    });
    assert.deepEqual(findings(analysis, 'variable-default-used'), []);
    assert.deepEqual(findings(analysis, 'django-debug-enabled'), ['settings.py:3']);
  });
});

describe('presence guards', () => {
  test('if in environ guards its reads', () => {
    const analysis = analyzeFiles({
      '.env.example': 'SECRET_KEY=\n',
      'settings.py': 'import os\nSECRET_KEY = os.environ["SECRET_KEY"]\nif "CSP_SRC" in os.environ:\n    CSP_SRC = os.environ["CSP_SRC"].split(",")\n',
    });
    assert.deepEqual(findings(analysis, 'variable-missing'), []);
  });

  test('conditional expression guard', () => {
    const analysis = analyzeFiles({
      '.env.example': 'SECRET_KEY=\n',
      'settings.py': 'import os\nSECRET_KEY = os.environ["SECRET_KEY"]\nHEADER = os.environ["HEADER"] if "HEADER" in os.environ.keys() else None\n',
    });
    assert.deepEqual(findings(analysis, 'variable-missing'), []);
  });

  test('not in guard takes else branch', () => {
    const analysis = analyzeFiles({
      '.env.example': 'SECRET_KEY=\n',
      'settings.py': 'import os\nSECRET_KEY = os.environ["SECRET_KEY"]\nif "DATABASE_URL" not in os.environ:\n    NAME = os.environ["DB_NAME"]\n',
    });
    assert.deepEqual(findings(analysis, 'variable-missing'), ['settings.py:4']);
  });

  test('provided variable runs the branch', () => {
    const analysis = analyzeFiles({
      '.env.example': 'SECRET_KEY=\nCSP_SRC=self\n',
      'settings.py': 'import os\nSECRET_KEY = os.environ["SECRET_KEY"]\nif "CSP_SRC" in os.environ:\n    CSP_SRC = int(os.environ["CSP_SRC"])\n',
    });
    assert.deepEqual(findings(analysis, 'variable-invalid-value'), ['.env.example:2']);
  });
});

describe('compose projects without Django', () => {
  const settings = 'import os\nSECRET_KEY = os.environ["SECRET_KEY"]\n';

  test('database-only project judges nothing', () => {
    const analysis = analyzeFiles({
      'docker-compose.production.yml': 'services:\n  django:\n    build: .\n    command: gunicorn config.wsgi\n    env_file: .envs/.production/.django\n',
      'docker-compose.db.yml': 'services:\n  postgres:\n    image: postgres:16\n',
      '.envs/.production/.django': 'SECRET_KEY=k\n',
      'settings.py': settings,
    });
    assert.deepEqual(findings(analysis, 'variable-missing'), []);
  });

  test('settings checked against env files', () => {
    const analysis = analyzeFiles({
      'docs/example/docker-compose.yml': 'services:\n  db:\n    image: postgres:16\n',
      '.env': 'SECRET_KEY=k\n',
      'settings.py': `${settings}API_KEY = os.environ["API_KEY"]\n`,
    });
    assert.deepEqual(findings(analysis, 'variable-missing'), ['settings.py:3']);
  });
});

describe('shell scripts as readers', () => {
  const compose = 'services:\n  web:\n    build: .\n    command: /start\n    env_file: .env\n';
  const settings = 'import os\nSECRET_KEY = os.environ["SECRET_KEY"]\n';

  test('extensionless start script reads', () => {
    const analysis = analyzeFiles({
      'docker-compose.yml': compose,
      '.env': 'SECRET_KEY=k\nDEBUGGER=1\n',
      'compose/django/start': '#!/bin/bash\nif [ "${DEBUGGER:-0}" = 1 ]; then pip install debugpy; fi\nexec gunicorn config.wsgi\n',
      'settings.py': settings,
    });
    assert.deepEqual(findings(analysis, 'variable-unused'), []);
  });

  test('file without shebang is no script', () => {
    const analysis = analyzeFiles({
      'docker-compose.yml': compose,
      '.env': 'SECRET_KEY=k\nDEBUGGER=1\n',
      'docs/NOTES': 'Set $DEBUGGER to 1 to debug.\n',
      'settings.py': settings,
    });
    assert.deepEqual(findings(analysis, 'variable-unused'), ['.env:2']);
  });
});

describe('variables exported by scripts', () => {
  test('entrypoint export is not missing', () => {
    const analysis = analyzeFiles({
      'docker-compose.yml': 'services:\n  django:\n    build: .\n    entrypoint: /entrypoint\n    command: /start\n    env_file: .env\n',
      '.env': 'POSTGRES_USER=app\n',
      'compose/production/django/entrypoint': '#!/bin/bash\nexport DATABASE_URL="postgres://${POSTGRES_USER}@postgres/app"\nexec "$@"\n',
      'settings.py': 'import os\nDATABASES_URL = os.environ["DATABASE_URL"]\n',
    });
    assert.deepEqual(findings(analysis, 'variable-missing'), []);
  });

  test('unexported name still missing', () => {
    const analysis = analyzeFiles({
      'docker-compose.yml': 'services:\n  django:\n    build: .\n    command: /start\n    env_file: .env\n',
      '.env': 'POSTGRES_USER=app\n',
      'compose/production/django/entrypoint': '#!/bin/bash\necho "$DATABASE_URL"\n',
      'settings.py': 'import os\nDATABASES_URL = os.environ["DATABASE_URL"]\n',
    });
    assert.deepEqual(findings(analysis, 'variable-missing'), ['settings.py:2']);
  });
});

describe('variables the container sets', () => {
  test('HOME read is not missing', () => {
    const analysis = analyzeFiles({
      'docker-compose.yml': 'services:\n  web:\n    build: .\n    command: gunicorn shop.wsgi\n    env_file: .env\n',
      '.env': 'SECRET_KEY=k\n',
      'settings.py': 'import os\nSECRET_KEY = os.environ["SECRET_KEY"]\nCACHE_DIR = os.environ["HOME"] + "/cache"\n',
    });
    assert.deepEqual(findings(analysis, 'variable-missing'), []);
  });
});
