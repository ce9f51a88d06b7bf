// The part of playwright-core's API that the tier uses. playwright-core is installed in
// e2e/node_modules only, so its own type declarations are out of reach of the repository's tsc.

export interface Locator {
  first(): Locator;
  waitFor(options: { state?: 'attached' | 'visible'; timeout: number }): Promise<void>;
  textContent(): Promise<string | null>;
  click(): Promise<void>;
}

export interface Page {
  goto(url: string, options?: { waitUntil?: 'load' | 'domcontentloaded' }): Promise<unknown>;
  exposeFunction(name: string, callback: (...args: unknown[]) => unknown): Promise<void>;
  locator(selector: string, options?: { hasText?: string | RegExp }): Locator;
  keyboard: { press(key: string): Promise<void> };
  screenshot(options: { path: string; fullPage?: boolean }): Promise<Buffer>;
  on(event: 'console', listener: (message: { type(): string; text(): string }) => void): void;
  on(event: 'pageerror', listener: (error: Error) => void): void;
  close(): Promise<void>;
}

export interface BrowserContext {
  newPage(): Promise<Page>;
}

export interface Browser {
  newContext(options?: { viewport?: { width: number; height: number } }): Promise<BrowserContext>;
  close(): Promise<void>;
}

export interface BrowserServer {
  wsEndpoint(): string;
  process(): { pid?: number; exitCode: number | null; signalCode: string | null };
  close(): Promise<void>;
}

export interface BrowserType {
  launchServer(options: {
    executablePath: string;
    args: string[];
    headless: boolean;
    env: NodeJS.ProcessEnv;
    timeout: number;
  }): Promise<BrowserServer>;
  connect(wsEndpoint: string): Promise<Browser>;
}

export interface PlaywrightCore {
  chromium: BrowserType;
}
