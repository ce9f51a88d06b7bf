// Worker-thread side of bounded-analysis.ts: analyses one workspace per message and replies with
// the problems, the time taken and every error, so a hang or crash cannot stop the test runner.
import { parentPort } from 'node:worker_threads';
import { analyzeWorkspace } from '../../server/src/analysis/analyze.js';
import { applyFixes } from '../../server/src/analysis/apply-fixes.js';
import type { AnalysisRequest, AnalysisReply } from './bounded-analysis.js';

function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

function analyze(request: AnalysisRequest): AnalysisReply {
  const checkErrors: string[] = [];
  const started = performance.now();
  try {
    const analysis = analyzeWorkspace(request.root, {
      onCheckError: (check, error) => checkErrors.push(`${check}: ${describeError(error)}`),
    });
    const elapsedMs = performance.now() - started;
    let fixError: string | undefined;
    if (request.applyFixes) {
      try {
        applyFixes(analysis.problems, (file) => analysis.workspace.source(file)?.text);
      } catch (error) {
        fixError = describeError(error);
      }
    }
    return { id: request.id, problems: analysis.problems, elapsedMs, checkErrors, fixError };
  } catch (error) {
    const elapsedMs = performance.now() - started;
    return { id: request.id, problems: [], elapsedMs, checkErrors, thrown: describeError(error) };
  }
}

parentPort!.on('message', (request: AnalysisRequest) => {
  parentPort!.postMessage(analyze(request));
});
