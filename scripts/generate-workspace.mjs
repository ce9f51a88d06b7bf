// Writes a large, realistic workspace for the benchmark: SCALE copies of the example deployment,
// each in its own folder with renamed services and variables and extra variables, so that a
// workspace of scale 100 contains 600 services, 5,500 env template variables and 100 nginx files.
//   node scripts/generate-workspace.mjs SCALE OUTPUT_FOLDER
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [scaleText, output] = process.argv.slice(2);
const scale = Number(scaleText);
if (!Number.isInteger(scale) || scale < 1 || !output) {
  process.stderr.write('usage: node scripts/generate-workspace.mjs SCALE OUTPUT_FOLDER\n');
  process.exit(2);
}

const example = new URL('../examples/', import.meta.url).pathname;
/** Variables added to each copy: read by the settings, declared in the template. */
const extraVariables = 40;

rmSync(output, { recursive: true, force: true });
mkdirSync(output, { recursive: true });
for (let i = 0; i < scale; i++) {
  const stack = join(output, `stack-${String(i).padStart(3, '0')}`);
  cpSync(example, stack, { recursive: true });
  const extraNames = Array.from({ length: extraVariables }, (_, k) => `FEATURE_${i}_${k}_LIMIT`);
  const template = join(stack, 'env.template');
  writeFileSync(
    template,
    readFileSync(template, 'utf8') + extraNames.map((name, k) => `${name}=${k * 10}\n`).join(''),
  );
  const base = join(stack, 'backend/config/settings/base.py');
  writeFileSync(
    base,
    readFileSync(base, 'utf8') +
      extraNames.map((name) => `${name} = env.int("${name}", default=0)\n`).join(''),
  );
  const compose = join(stack, 'docker-compose.yml');
  writeFileSync(compose, readFileSync(compose, 'utf8').replace(/^name: market$/m, `name: market-${i}`));
}
process.stdout.write(`wrote ${scale} stacks to ${output}\n`);
