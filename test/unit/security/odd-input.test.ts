import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeFiles } from '../../helpers/temp-workspace.js';
// Malformed and unusual values that the security checks must read without failing.
const cases: Record<string, string>[] = [
  { 'nginx/a.conf': 'location { alias; }\nlocation /x { alias /; }\nadd_header;\nadd_header Strict-Transport-Security;\nssl_protocols;\nserver_tokens;\nproxy_set_header Host;\nmap $http_origin $o { default $http_origin; }\nadd_header Access-Control-Allow-Origin $o;\nadd_header Access-Control-Allow-Credentials true;\n' },
  { 'settings.py': 'MIDDLEWARE = ()\nSECURE_PROXY_SSL_HEADER = ()\nCSRF_TRUSTED_ORIGINS = [1, None, ""]\nSECRET_KEY = 5\nALLOWED_HOSTS = "*"\nSECURE_HSTS_SECONDS = "abc"\nSECURE_HSTS_PRELOAD = True\nCORS_ALLOWED_ORIGIN_REGEXES = "x"\nCORS_PREFLIGHT_MAX_AGE = None\nSECRET_KEY_FALLBACKS = ["a", 3]\nDEBUG = "False"\n', 'nginx/b.conf': 'server { listen 443 ssl; location / { proxy_pass http://$x; } }' },
  { 'docker-compose.prod.yml': 'services:\n  r:\n    image: redis\n    command: ["redis-server", "--requirepass"]\n    ports: ["6379", "0.0.0.0:6379:6379", {target: 6379, published: 6379}]\n    volumes: ["/run/docker.sock:/run/docker.sock:ro"]\n    environment: {API_TOKEN: "", X_SECRET: }\n    labels: {"traefik.http.middlewares.a.headers.stsSeconds": "abc"}\n' },
  { 'settings.py': 'from .base import *\nif X:\n    DEBUG = True\nelse:\n    DEBUG = os.environ.get("DEBUG", True)\n', '.env': 'DEBUG=True\nSECRET_KEY=\n' },
];
for (const [index, files] of cases.entries()) {
  test(`odd input ${index} runs cleanly`, () => {
    const analysis = analyzeFiles(files);
    assert.deepEqual(analysis.problems.filter((p) => p.code === 'internal-error').map((p) => p.message), []);
  });
}
