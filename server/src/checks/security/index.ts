import type { Check } from '../check.js';
import { allowedHostsCheck } from './allowed-hosts-check.js';
import { composeSecurityCheck } from './compose-security-check.js';
import { corsSettingsCheck } from './cors-settings-check.js';
import { csrfOriginsCheck } from './csrf-origins-check.js';
import { debugCheck } from './debug-check.js';
import { envTemplateCheck } from './env-template-check.js';
import { hardeningCheck } from './hardening-check.js';
import { hstsCheck } from './hsts-check.js';
import { nginxCorsCheck } from './nginx-cors-check.js';
import { nginxHeadersCheck } from './nginx-headers-check.js';
import { nginxServerCheck } from './nginx-server-check.js';
import { secretKeyCheck } from './secret-key-check.js';
import { traefikCheck } from './traefik-check.js';
import { transportCheck } from './transport-check.js';

/** Checks for values that make a production deployment unsafe. */
export const securityChecks: Check[] = [
  debugCheck,
  secretKeyCheck,
  allowedHostsCheck,
  hstsCheck,
  transportCheck,
  csrfOriginsCheck,
  hardeningCheck,
  corsSettingsCheck,
  nginxCorsCheck,
  nginxHeadersCheck,
  nginxServerCheck,
  composeSecurityCheck,
  traefikCheck,
  envTemplateCheck,
];
