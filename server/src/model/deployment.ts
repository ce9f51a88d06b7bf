import type { ParseError } from '../core/problem.js';
import type { Location } from '../core/range.js';
import type { ComposeFile, ComposeService, EnvFileReference, Scalar } from '../parsers/compose/compose-model.js';
import type { EnvFile } from '../parsers/env/env-model.js';
import type { NginxDirective, NginxFile } from '../parsers/nginx/nginx-model.js';
import type { ResolvedInclude } from '../parsers/nginx/resolve-includes.js';
import type { PythonModule } from '../parsers/python/python-ast.js';
import type { EnvLookup, SettingsEvaluation } from '../parsers/python/settings-model.js';

export type DeploymentStage = 'production' | 'development' | 'unknown';

export type ServiceRole = 'django' | 'celery' | 'nginx' | 'postgres' | 'redis' | 'traefik';

/** A variable that reaches a service's container (or a settings module) with where it was set. */
export interface ProvidedVariable {
  name: string;
  /** Value in effect; undefined when compose passes it from the shell and nothing sets it. */
  value: string | undefined;
  location: Location;
  via: 'env_file' | 'environment' | 'env-file-alone';
  /** Env file that declares it, for `env_file` and `env-file-alone`. */
  envFile?: string;
  /** True when the declaring file is a template standing in for a missing git-ignored file. */
  standIn?: boolean;
}

/** An `env_file` entry of a service, with the file that answers it. */
export interface EnvFileLink {
  reference: EnvFileReference;
  composeFile: string;
  /** Workspace path the reference resolves to. */
  path: string;
  file?: EnvFile;
  /** Template read in place of a missing file (`.env` absent, `env.template` present). */
  standIn?: EnvFile;
}

/** One definition of a service in one compose file; override files add more. */
export interface ServiceDefinition {
  file: ComposeFile;
  service: ComposeService;
}

export interface CommandArgument extends Scalar<string> {
  file: string;
}

export interface ServiceModel {
  name: string;
  /** Definitions in merge order: the base file first, override files after. */
  definitions: ServiceDefinition[];
  roles: Set<ServiceRole>;
  /** Container environment in effect: `env_file` entries, then `environment` over them. */
  environment: Map<string, ProvidedVariable>;
  envFiles: EnvFileLink[];
  /** `entrypoint` then `command` arguments as compose passes them, after interpolation. */
  command: CommandArgument[];
}

/** nginx configuration as one service (or the workspace, without compose) loads it. */
export interface NginxConfig {
  /** File nginx starts from, or the mounted file for `conf.d` includes. */
  entry: NginxFile;
  /** Directive tree with includes expanded; each directive keeps its own file. */
  directives: NginxDirective[];
  files: string[];
  /** Every `include` read while loading the configuration, with the files it named. */
  includes: ResolvedInclude[];
  /** Context the entry starts in: `main` for `nginx.conf`, `http` for a `conf.d` file. */
  context: 'main' | 'http' | 'server';
  service?: ServiceModel;
  /** Include problems (cycles, too many inclusions), each located in the including file. */
  includeErrors: (ParseError & { file: string })[];
}

export interface DjangoApp {
  /** Entry settings module (workspace path), such as `app/settings/production.py`. */
  settingsFile: string;
  modules: Map<string, PythonModule>;
  /** Settings evaluated under the environment that reaches the app. */
  evaluation: SettingsEvaluation;
  /** Environment the evaluation used. */
  env: EnvLookup;
  /** Services that run this app (web first, then workers). */
  services: ServiceModel[];
  /** Variables that reach the app, by name. */
  provided: Map<string, ProvidedVariable>;
}

/**
 * One deployment: a compose project (a base file and its overrides) with the env files, nginx
 * configuration and Django settings it brings together, or the settings and env files alone
 * when a workspace has no compose file.
 */
export interface Deployment {
  /** Stable name: the base compose file's path, or the settings file's path without compose. */
  id: string;
  composeFiles: ComposeFile[];
  /** Values compose interpolates `${VAR}` with: the project `.env` (or its stand-in template). */
  interpolationEnv: Map<string, ProvidedVariable>;
  /** Env file feeding interpolation, and whether it is a template standing in for `.env`. */
  projectEnvFile?: { file: EnvFile; standIn: boolean };
  services: ServiceModel[];
  django?: DjangoApp;
  nginx: NginxConfig[];
  /** Env files this deployment reads (through `env_file`, interpolation or alone). */
  envFiles: EnvFile[];
  /**
   * What file names and settings modules say about the deployment: `production` for names with
   * `prod`, `development` for `dev`, `local` or `test`, otherwise `unknown`.
   */
  stage: DeploymentStage;
  /** Every workspace file this deployment read, for re-checking after an edit. */
  files: Set<string>;
}
