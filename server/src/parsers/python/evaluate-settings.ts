import { runModule } from './evaluate-statements.js';
import { EvaluationState, type Namespace } from './evaluation-state.js';
import type { PythonModule } from './python-ast.js';
import type {
  EnvLookup,
  ModuleResolver,
  SettingAssignment,
  SettingsEvaluation,
} from './settings-model.js';

export { moduleNameForFile, resolverFor } from './module-resolver.js';

/**
 * Evaluates a settings module under one environment without running it: module-level
 * statements are interpreted in order, `from .base import *` runs the imported module first
 * (each module once, circular imports included), and every value is computed symbolically.
 * Environment reads take their values from `env`. Nothing in the workspace is executed, and
 * this function does not throw: an internal failure returns what was evaluated so far.
 */
export function evaluateSettings(
  entry: PythonModule,
  resolve: ModuleResolver,
  env: EnvLookup,
): SettingsEvaluation {
  const state = new EvaluationState(resolve, env);
  let namespace: Namespace;
  try {
    namespace = runModule(state, entry);
  } catch {
    // Only a bug in the evaluator or a stack overflow on pathological input gets here. The
    // partial namespace keeps the settings evaluated before the failure.
    namespace = state.modules.get(entry.source.path) ?? new Map();
    if (!state.files.includes(entry.source.path)) state.files.push(entry.source.path);
  }
  const settings = new Map<string, SettingAssignment>();
  for (const [name, binding] of namespace) {
    if (binding.assignment) settings.set(name, binding.assignment);
  }
  return {
    settings,
    history: state.history,
    reads: state.reads,
    issues: state.issues,
    files: state.files,
  };
}
