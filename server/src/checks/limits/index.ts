import type { Check } from '../check.js';
import { bodySizeCheck } from './body-size-check.js';
import { connectionBudgetCheck } from './connection-budget-check.js';
import { keepaliveCheck } from './keepalive-check.js';
import { memoryCheck } from './memory-check.js';
import { persistentConnectionCheck } from './persistent-connection-check.js';
import { proxyTargetCheck } from './proxy-target-check.js';
import { redisCheck } from './redis-check.js';
import { reservationCheck } from './reservation-check.js';
import { throttleRateCheck } from './throttle-rate-check.js';
import { timeoutChainCheck } from './timeout-chain-check.js';
import { websocketCheck } from './websocket-check.js';
import { websocketTimeoutCheck } from './websocket-timeout-check.js';
import { workerFilesCheck } from './worker-files-check.js';

/** Checks for limits that contradict each other across layers. */
export const limitChecks: Check[] = [
  bodySizeCheck,
  timeoutChainCheck,
  connectionBudgetCheck,
  persistentConnectionCheck,
  redisCheck,
  memoryCheck,
  reservationCheck,
  websocketCheck,
  websocketTimeoutCheck,
  keepaliveCheck,
  workerFilesCheck,
  proxyTargetCheck,
  throttleRateCheck,
];
