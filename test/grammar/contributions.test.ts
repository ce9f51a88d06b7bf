// Checks the language, grammar and snippet contributions in package.json against the files they
// name, and the language file patterns against the file kinds that discovery assigns.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { classifyFile } from '../../server/src/workspace/discover.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

interface LanguageContribution {
  id: string;
  filenames?: string[];
  filenamePatterns?: string[];
  extensions?: string[];
  configuration?: string;
}

interface GrammarContribution {
  language?: string;
  scopeName: string;
  path: string;
  injectTo?: string[];
}

interface SnippetContribution {
  language: string;
  path: string;
}

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  contributes: {
    languages: LanguageContribution[];
    grammars: GrammarContribution[];
    snippets: SnippetContribution[];
  };
};
const { languages, grammars, snippets } = manifest.contributes;

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(root, path), 'utf8')) as Record<string, unknown>;
}

/** Converts a VS Code glob with `*` and `**` to a regular expression. */
function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i]!;
    if (glob.startsWith('**/', i)) {
      source += '(?:.*/)?';
      i += 2;
    } else if (glob.startsWith('**', i)) {
      source += '.*';
      i += 1;
    } else if (char === '*') {
      source += '[^/]*';
    } else {
      source += char.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`);
}

/** Language VS Code gives `path`: an exact file name first, then a pattern, then an extension. */
function languageOf(path: string): string | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const byName = languages.find((language) => language.filenames?.includes(name));
  if (byName) return byName.id;
  const byPattern = languages.find((language) =>
    (language.filenamePatterns ?? []).some((pattern) =>
      globToRegExp(pattern).test(pattern.includes('/') ? path : name),
    ),
  );
  if (byPattern) return byPattern.id;
  return languages.find((language) => language.extensions?.some((ext) => name.endsWith(ext)))?.id;
}

describe('language contributions', () => {
  test('dotenv and nginx ids', () => {
    assert.deepEqual(
      languages.map((language) => language.id),
      ['dotenv', 'nginx'],
    );
  });

  for (const language of languages) {
    test(`${language.id} configuration`, () => {
      assert.ok(language.configuration, 'configuration path missing');
      const config = readJson(language.configuration) as {
        comments: { lineComment: string };
        brackets: string[][];
        autoClosingPairs: unknown[];
        surroundingPairs: unknown[];
        folding: { markers: { start: string; end: string } };
        wordPattern: string;
        indentationRules?: Record<string, string>;
      };
      assert.equal(config.comments.lineComment, '#');
      assert.ok(config.brackets.some(([open]) => open === '{'));
      assert.ok(config.autoClosingPairs.length > 0);
      assert.ok(config.surroundingPairs.length > 0);
      assert.ok(new RegExp(config.folding.markers.start).test('# region Database'));
      assert.ok(new RegExp(config.folding.markers.end).test('# endregion'));
      assert.doesNotThrow(() => new RegExp(config.wordPattern));
      for (const pattern of Object.values(config.indentationRules ?? {})) {
        assert.doesNotThrow(() => new RegExp(pattern));
      }
    });
  }

  test('nginx indentation rules', () => {
    const config = readJson('languages/nginx.language-configuration.json') as {
      indentationRules: { increaseIndentPattern: string; decreaseIndentPattern: string };
    };
    const increase = new RegExp(config.indentationRules.increaseIndentPattern);
    const decrease = new RegExp(config.indentationRules.decreaseIndentPattern);
    assert.ok(increase.test('    location /static/ {'));
    assert.ok(increase.test('server { # main site'));
    assert.ok(!increase.test('    location = /healthz { return 204; }'));
    assert.ok(!increase.test('# server {'));
    assert.ok(decrease.test('    }'));
  });
});

describe('language file patterns', () => {
  // Each path with the language VS Code gives it. `kind` is the discovery kind where both agree.
  const cases: { path: string; language: string | undefined; kind?: string }[] = [
    { path: '.env', language: 'dotenv', kind: 'env' },
    { path: 'backend/.env.production', language: 'dotenv', kind: 'env' },
    { path: 'env.template', language: 'dotenv', kind: 'env' },
    { path: 'deploy/env.example', language: 'dotenv', kind: 'env' },
    { path: 'deploy/production.env', language: 'dotenv', kind: 'env' },
    { path: '.envs/.production/.django', language: 'dotenv', kind: 'env' },
    { path: 'nginx.conf', language: 'nginx', kind: 'nginx' },
    { path: 'nginx/conf.d/app.conf', language: 'nginx', kind: 'nginx' },
    { path: 'docker/nginx/snippets/headers.conf', language: 'nginx', kind: 'nginx' },
    { path: 'deploy/my-nginx/site.conf', language: 'nginx', kind: 'nginx' },
    { path: 'conf.d/default.conf', language: 'nginx', kind: 'nginx' },
    { path: 'deploy/sites-enabled/app.conf', language: 'nginx', kind: 'nginx' },
    { path: 'deploy/templates/default.conf.template', language: 'nginx', kind: 'nginx' },
    { path: 'default.conf.template', language: 'nginx', kind: 'nginx' },
    { path: 'docker/templates/upstream.conf', language: 'nginx', kind: 'nginx' },
    // Debian's site files have no extension, and discovery reads only `*.conf` there.
    { path: 'etc/nginx/sites-available/default', language: 'nginx' },
    { path: 'docker-compose.yml', language: undefined, kind: 'compose' },
    { path: 'config/settings.py', language: undefined, kind: 'python' },
    { path: 'supervisor/app.conf', language: undefined },
    { path: 'README.md', language: undefined },
    { path: 'environment.py', language: undefined },
  ];

  for (const { path, language, kind } of cases) {
    test(`${path} language`, () => {
      assert.equal(languageOf(path), language);
      if (kind !== undefined) assert.equal(classifyFile(path), kind);
    });
  }
});

describe('grammar contributions', () => {
  for (const grammar of grammars) {
    test(`${grammar.scopeName} file`, () => {
      assert.ok(existsSync(join(root, grammar.path)), `${grammar.path} not found`);
      const content = readJson(grammar.path);
      assert.equal(content.scopeName, grammar.scopeName);
      if (grammar.injectTo) {
        assert.deepEqual(grammar.injectTo, ['source.yaml']);
        assert.equal(typeof content.injectionSelector, 'string');
      } else {
        assert.ok(languages.some((language) => language.id === grammar.language));
      }
    });
  }

  test('every regex compiles', () => {
    // Oniguruma syntax mostly overlaps JavaScript's. Patterns with `\G` or possessive
    // quantifiers are skipped here, and the grammar test files exercise them.
    for (const grammar of grammars) {
      const text = readFileSync(join(root, grammar.path), 'utf8');
      const patterns = [...text.matchAll(/"(?:match|begin|end)": ("(?:[^"\\]|\\.)*")/g)];
      assert.ok(patterns.length > 0, grammar.path);
      for (const [, literal] of patterns) {
        const source = JSON.parse(literal!) as string;
        if (/\\G|\+\+|\*\+/.test(source)) continue;
        assert.doesNotThrow(() => new RegExp(source, 'u'), `${grammar.path}: ${source}`);
      }
    }
  });
});

describe('snippet contributions', () => {
  const expectedLanguages = new Map([
    ['./snippets/compose.json', ['dockercompose', 'yaml']],
    ['./snippets/nginx.json', ['nginx']],
    ['./snippets/dotenv.json', ['dotenv']],
    ['./snippets/django-settings.json', ['python']],
  ]);

  test('files and languages', () => {
    const actual = new Map<string, string[]>();
    for (const { path, language } of snippets) {
      actual.set(path, [...(actual.get(path) ?? []), language]);
    }
    assert.deepEqual(actual, expectedLanguages);
  });

  for (const path of expectedLanguages.keys()) {
    test(`${path} entries`, () => {
      const entries = readJson(path) as Record<
        string,
        { prefix: string; body: string[]; description: string }
      >;
      const prefixes = new Set<string>();
      assert.ok(Object.keys(entries).length > 0);
      for (const [name, entry] of Object.entries(entries)) {
        assert.equal(typeof entry.prefix, 'string', name);
        assert.ok(!prefixes.has(entry.prefix), `${name}: prefix ${entry.prefix} used twice`);
        prefixes.add(entry.prefix);
        assert.ok(Array.isArray(entry.body), name);
        assert.ok(entry.body.length > 0, name);
        assert.ok(entry.description.length > 0, name);
        assert.ok(
          entry.body.every((line) => !/\t/.test(line.replace(/^\t+/, ''))),
          `${name}: tab inside a line`,
        );
      }
    });
  }
});
