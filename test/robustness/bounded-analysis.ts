// Runs analyzeWorkspace in a worker thread with a hard deadline. The analysis is synchronous, so
// a hang in the test's own thread could never be reported; a worker can be terminated, and its
// heap limit turns runaway memory use into a reported failure instead of a killed test run.
import { Worker } from 'node:worker_threads';
import type { Problem } from '../../server/src/core/problem.js';

export interface AnalysisRequest {
  id: number;
  root: string;
  /** Also apply the safe fixes in memory, to check that applying them never throws. */
  applyFixes: boolean;
}

export interface AnalysisReply {
  id: number;
  problems: Problem[];
  /** Time analyzeWorkspace took inside the worker, in milliseconds. */
  elapsedMs: number;
  /** `check: stack` for every check failure that analyzeWorkspace caught. */
  checkErrors: string[];
  /** Stack of an exception analyzeWorkspace let through. */
  thrown?: string;
  /** Stack of an exception applyFixes threw. */
  fixError?: string;
}

export type AnalysisOutcome =
  | ({ status: 'done' } & AnalysisReply)
  | { status: 'timeout'; elapsedMs: number }
  | { status: 'crashed'; elapsedMs: number; error: string };

const workerUrl = new URL('./analysis-worker.ts', import.meta.url).href;
const tsxUrl = import.meta.resolve('tsx/esm/api');

// NOTE: Node 20 applies `--import tsx` hooks to a worker's imports but not to its entry file,
// so the worker starts from plain JavaScript that registers tsx and then imports the TypeScript.
const bootstrap = `import(${JSON.stringify(tsxUrl)})
  .then(({ register }) => { register(); return import(${JSON.stringify(workerUrl)}); });`;

/** One worker that analyses workspaces in turn; it is replaced after a timeout or a crash. */
export class AnalysisWorker {
  private worker: Worker | undefined;
  private nextId = 0;

  /** @param heapMegabytes old-generation heap limit of the worker, in MiB. */
  constructor(private readonly heapMegabytes = 1024) {}

  /**
   * Analyses the workspace at `root`. Resolves with `timeout` when no reply arrives within
   * `deadlineMs` (the worker is terminated) and with `crashed` when the worker dies.
   */
  analyze(root: string, deadlineMs: number, applyFixes = false): Promise<AnalysisOutcome> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    const started = performance.now();
    return new Promise((resolve) => {
      const finish = (outcome: AnalysisOutcome) => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        resolve(outcome);
      };
      const onMessage = (reply: AnalysisReply) => {
        if (reply.id === id) finish({ status: 'done', ...reply });
      };
      const onError = (error: Error) => {
        this.worker = undefined;
        finish({ status: 'crashed', elapsedMs: performance.now() - started, error: error.stack ?? error.message });
      };
      const onExit = (code: number) => {
        this.worker = undefined;
        finish({ status: 'crashed', elapsedMs: performance.now() - started, error: `worker exited with ${code}` });
      };
      const timer = setTimeout(() => {
        this.worker = undefined;
        worker.off('exit', onExit);
        void worker.terminate();
        finish({ status: 'timeout', elapsedMs: performance.now() - started });
      }, deadlineMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      const request: AnalysisRequest = { id, root, applyFixes };
      worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }

  private ensureWorker(): Worker {
    if (!this.worker) {
      this.worker = new Worker(bootstrap, {
        eval: true,
        resourceLimits: { maxOldGenerationSizeMb: this.heapMegabytes },
      });
    }
    return this.worker;
  }
}
