/** The four kinds of configuration file Shipshape reads. */
export type FileKind = 'env' | 'compose' | 'nginx' | 'python';

const codeExtensions = /\.(py|js|mjs|cjs|ts|tsx|jsx|json|ya?ml|md|txt|sh|toml|ini|cfg|lock|bak|swp)$/i;

/** True for env file names: `.env`, `.env.*`, `*.env`, `env.template`, `env.example`, `env.sample`. */
export function isEnvFileName(name: string): boolean {
  if (name === '.env') return true;
  if (name.startsWith('.env.')) return !codeExtensions.test(name);
  if (/^env\.(template|example|sample|dist)$/i.test(name)) return true;
  return name.endsWith('.env') && name.length > 4;
}

/** True for compose file names: `docker-compose*.yml`, `compose*.yaml`. */
export function isComposeFileName(name: string): boolean {
  return /^(docker-)?compose([.\-_][^/]*)?\.ya?ml$/i.test(name);
}

/** True for nginx files: `nginx.conf`, `*.conf.template`, and `*.conf` in nginx-like folders. */
export function isNginxPath(relativePath: string): boolean {
  const segments = relativePath.split('/');
  const name = segments[segments.length - 1]!;
  if (name === 'nginx.conf' || name.endsWith('.conf.template')) return true;
  if (!name.endsWith('.conf')) return false;
  const folders = segments.slice(0, -1);
  return folders.some(
    (folder) =>
      /nginx/i.test(folder) || folder === 'conf.d' || folder.startsWith('sites-') || folder === 'templates',
  );
}

/** True for Django settings modules: `settings.py`, any module of a `settings` package, `*settings*.py`. */
export function isSettingsPath(relativePath: string): boolean {
  const segments = relativePath.split('/');
  const name = segments[segments.length - 1]!;
  if (!name.endsWith('.py')) return false;
  if (name === 'settings.py') return true;
  if (segments.length >= 2 && segments[segments.length - 2] === 'settings') return true;
  return /^(settings_\w+|\w+_settings)\.py$/.test(name);
}

/** Python files that may name the settings module with `DJANGO_SETTINGS_MODULE`. */
export function isDjangoEntryPoint(name: string): boolean {
  return name === 'manage.py' || name === 'asgi.py' || name === 'wsgi.py' || name === 'celery.py';
}

/** True for a file under `.envs/` (the cookiecutter-django layout), which holds env files. */
export function isUnderEnvsFolder(relativePath: string): boolean {
  return relativePath.split('/').slice(0, -1).includes('.envs');
}
