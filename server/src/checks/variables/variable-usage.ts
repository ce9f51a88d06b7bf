import type { Fix, Problem, RelatedLocation } from '../../core/problem.js';
import type { Location } from '../../core/range.js';
import { isNearMiss } from '../../core/similar-names.js';
import type { Deployment, DjangoApp } from '../../model/deployment.js';
import type { EnvEntry, EnvFile } from '../../parsers/env/env-model.js';
import type { EnvRead } from '../../parsers/python/settings-model.js';
import { classifyFile } from '../../workspace/discover.js';
import type { Check } from '../check.js';
import { createProblem } from '../problem-builder.js';
import { isSecretName } from '../security/secret-values.js';
import { declareVariableFix, removeDeclarationFix } from './declaration-fixes.js';
import { describeValue } from './describe-value.js';
import { noneUse } from './none-usage.js';
import { readsInEffect } from './reads-in-effect.js';
import { renameReadFix } from './variable-fixes.js';
import {
  interpolatedNames,
  nginxTemplateNames,
  pythonNameLiterals,
  scriptExportedNames,
  scriptVariableNames,
  setByContainer,
  wellKnownConsumer,
} from './variable-consumers.js';
import { variableDefaultUsed, variableMissing, variableNearMiss, variableUnused } from './variable-rules.js';

/** A place that sets a variable: an env file line or a compose `environment` entry. */
interface Declaration {
  name: string;
  location: Location;
  where: string;
  /** Env file that declares it; undefined for a compose `environment` entry. */
  envFile?: string;
  /** The env file line, which the removal fix deletes. */
  entry?: { file: EnvFile; entry: EnvEntry };
}

/**
 * Compares what the settings read with what reaches the Django service: variables read but
 * provided by nothing, provided but read by nothing, and the same variable spelt two ways.
 */
export const variableUsageCheck: Check = {
  name: 'variable-usage',
  rules: [variableMissing, variableDefaultUsed, variableUnused, variableNearMiss],
  run(deployment, context) {
    const django = deployment.django;
    if (!django) return [];
    const problems: Problem[] = [];
    const reads = uniqueReads(django.evaluation.reads);
    const readNames = new Set(reads.map((read) => read.name));
    const declarations = declarationsToCheck(deployment);
    const literals = pythonNameLiterals(context.workspace);
    const scriptNames = scriptVariableNames(context.workspace);
    const interpolated = interpolatedNames(deployment);
    const templated = nginxTemplateNames(deployment);
    const projectEnv = deployment.projectEnvFile?.file.source.path;
    const readByCode = (name: string) => readNames.has(name) || literals.has(name);
    const isConsumed = (declaration: Declaration) => {
      const name = declaration.name;
      if (readByCode(name) || scriptNames.has(name) || wellKnownConsumer(name) !== undefined) return true;
      if (!declaration.envFile) return false;
      return templated.has(name) || (declaration.envFile === projectEnv && interpolated.has(name));
    };
    const pairedDeclarations = new Set<string>();
    const target = serviceLabel(deployment);
    // An env file that could not be read may declare what looks missing, so nothing is reported.
    const unreadEnvFile = context.workspace.readProblems.some((problem) => classifyFile(problem.location.file) === 'env');
    const inEffect = readsInEffect(django);

    const exported = scriptExportedNames(context.workspace);
    for (const read of reads) {
      if (django.provided.has(read.name)) continue;
      // A script sets it at run time (an entrypoint building DATABASE_URL), so it is not missing.
      if (exported.has(read.name) || (deployment.services.length > 0 && setByContainer(read.name))) continue;
      const location: Location = { file: read.file, range: read.nameRange };
      const candidates = [...new Set(declarations.map((declaration) => declaration.name))].filter(
        (name) => !readByCode(name) && isNearMiss(read.name, name),
      );
      if (candidates.length > 0) {
        const candidate = candidates[0]!;
        pairedDeclarations.add(candidate);
        const related: RelatedLocation[] = declarations
          .filter((declaration) => declaration.name === candidate)
          .map((declaration) => ({ location: declaration.location, message: `${candidate} is set here (${declaration.where})` }));
        const effect = read.hasDefault
          ? `so the default ${describeValue(read.default, isSecretName(read.name) || isSecretName(candidate))} is used`
          : read.required
            ? 'so start-up fails'
            : 'so it reads as None';
        problems.push(
          createProblem(
            variableNearMiss,
            location,
            `${read.name} is read here but nothing provides it, while ${candidate} is provided and read by nothing, ${effect}. Did you mean ${candidate}?`,
            {
              related,
              severity: read.required ? 'error' : 'warning',
              fixes: [
                ...renameDeclarationFixes(declarations.filter((declaration) => declaration.name === candidate), read.name),
                ...renameReadFix(context.workspace, read, candidate),
              ],
            },
          ),
        );
        continue;
      }
      if (unreadEnvFile) continue;
      if (read.required) {
        problems.push(
          createProblem(
            variableMissing,
            location,
            `${read.name} is read with no default, and nothing ${target} provides it, so Django fails at start-up.`,
            { fixes: declareVariableFix(deployment, read) },
          ),
        );
      } else if (!read.hasDefault) {
        problems.push(noneProblem(django, read, location, target, declareVariableFix(deployment, read)));
      } else if (inEffect(read)) {
        problems.push(
          createProblem(
            variableDefaultUsed,
            location,
            `${read.name} is not set by anything ${target}, so the default ${describeValue(read.default, isSecretName(read.name))} is used.`,
            { fixes: declareVariableFix(deployment, read) },
          ),
        );
      }
    }

    problems.push(...secondaryServiceProblems(deployment, reads));

    const reported = new Set<string>();
    for (const declaration of declarations) {
      if (isConsumed(declaration) || pairedDeclarations.has(declaration.name)) continue;
      const key = `${declaration.location.file}:${declaration.location.range.start.line}`;
      if (reported.has(key)) continue;
      reported.add(key);
      problems.push(
        createProblem(
          variableUnused,
          declaration.location,
          `${declaration.name} is set (${declaration.where}) but read by nothing: not by the settings, compose interpolation, an nginx template or a known image.`,
          { fixes: declaration.entry ? removeDeclarationFix(declaration.entry.file, declaration.entry.entry) : [] },
        ),
      );
    }
    return problems;
  },
};

/** Unset read without default: None, harmless when kept, a fault when formatted or called. */
function noneProblem(django: DjangoApp, read: EnvRead, location: Location, target: string, fixes: Fix[]): Problem {
  const use = noneUse(django, read);
  const prefix = `${read.name} is read with no default, and nothing ${target} provides it`;
  if (use.kind === 'crash') {
    return createProblem(variableMissing, location, `${prefix}; ${use.reason}.`, {
      related: [{ location: use.location, message: 'None is used here' }],
      fixes,
    });
  }
  if (use.kind === 'formatted') {
    return createProblem(
      variableMissing,
      location,
      `${prefix}, so it reads as None and the text "None" ends up in ${use.setting}.`,
      { severity: 'warning', related: [{ location: use.location, message: `None is formatted into ${use.setting} here` }], fixes },
    );
  }
  return createProblem(variableMissing, location, `${prefix}, so it reads as None.`, { severity: 'information', fixes });
}

/**
 * Reports Django services besides the first (a Celery worker, a second web process) that lack a
 * required variable the first one receives. They run the same settings, so they fail at start-up.
 */
function secondaryServiceProblems(deployment: Deployment, reads: EnvRead[]): Problem[] {
  const django = deployment.django!;
  const [primary, ...others] = django.services;
  if (!primary) return [];
  const problems: Problem[] = [];
  for (const service of others) {
    const missing = [...new Set(reads.filter((read) => read.required && django.provided.has(read.name) && !service.environment.has(read.name)).map((read) => read.name))];
    if (missing.length === 0) continue;
    const definition = service.definitions[service.definitions.length - 1]!;
    const names = missing.length > 5 ? `${missing.slice(0, 5).join(', ')} and ${missing.length - 5} more` : missing.join(', ');
    problems.push(
      createProblem(
        variableMissing,
        { file: definition.file.source.path, range: definition.service.nameRange },
        `Service ${service.name} runs the same Django settings as ${primary.name} but does not receive ${names}, which the settings read with no default, so it fails at start-up.`,
        {
          related: missing.slice(0, 5).map((name) => ({
            location: django.provided.get(name)!.location,
            message: `${name} reaches ${primary.name} from here`,
          })),
        },
      ),
    );
  }
  return problems;
}

/** Fix that renames the provided variable to the name the settings read. */
function renameDeclarationFixes(declarations: Declaration[], name: string): Fix[] {
  if (declarations.length === 0) return [];
  return [
    {
      title: `Rename ${declarations[0]!.name} to ${name} where it is set`,
      edits: declarations.map((declaration) => ({ file: declaration.location.file, range: declaration.location.range, newText: name })),
      safe: false,
    },
  ];
}

function uniqueReads(reads: EnvRead[]): EnvRead[] {
  const seen = new Set<string>();
  return reads.filter((read) => {
    const key = `${read.name}@${read.file}:${read.nameRange.start.line}:${read.nameRange.start.character}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function serviceLabel(deployment: Deployment): string {
  const service = deployment.django?.services[0];
  if (service) return `that reaches service ${service.name}`;
  return 'in the env files';
}

/**
 * Variables set where the Django app is their only reader: env files loaded by the Django
 * services (or every env file without compose) and their compose `environment` entries. Env files
 * that also feed other services are left out, since an image may read them.
 */
function declarationsToCheck(deployment: Deployment): Declaration[] {
  const django = deployment.django!;
  const declarations: Declaration[] = [];
  const djangoFiles = new Set<string>();
  const otherFiles = new Set<string>();
  for (const service of deployment.services) {
    const isDjango = django.services.includes(service);
    for (const link of service.envFiles) {
      const file = link.file ?? link.standIn;
      if (file) (isDjango ? djangoFiles : otherFiles).add(file.source.path);
    }
  }
  const files = deployment.services.length === 0 ? deployment.envFiles : deployment.envFiles.filter(
    (file) => djangoFiles.has(file.source.path) && !otherFiles.has(file.source.path),
  );
  for (const file of files) {
    for (const entry of file.entries) {
      declarations.push({
        name: entry.key,
        location: { file: file.source.path, range: entry.keyRange },
        where: `in ${file.source.path}`,
        envFile: file.source.path,
        entry: { file, entry },
      });
    }
  }
  for (const service of django.services) {
    for (const { file, service: definition } of service.definitions) {
      for (const entry of definition.environment) {
        declarations.push({
          name: entry.key,
          location: { file: file.source.path, range: entry.keyRange },
          where: `in the environment of service ${service.name}`,
        });
      }
    }
  }
  return declarations;
}

