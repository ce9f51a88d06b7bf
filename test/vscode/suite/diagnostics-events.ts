import { languages, type Diagnostic, type Uri } from 'vscode';

/** Shipshape's diagnostics of `uri`, without those of other extensions. */
export function shipshapeDiagnostics(uri: Uri): Diagnostic[] {
  return languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'shipshape');
}

/** Rule ids of Shipshape's current diagnostics of `uri`, sorted. */
export function shipshapeCodes(uri: Uri): string[] {
  return shipshapeDiagnostics(uri).map(codeOf).sort();
}

/**
 * Resolves with Shipshape's diagnostics of `uri` as soon as `accept` takes them: at once when the
 * current ones pass, otherwise at the first `onDidChangeDiagnostics` event for `uri` whose
 * diagnostics pass. Mocha's per-test timeout bounds the wait.
 */
export function awaitDiagnostics(
  uri: Uri,
  accept: (diagnostics: Diagnostic[]) => boolean,
): Promise<Diagnostic[]> {
  const current = shipshapeDiagnostics(uri);
  if (accept(current)) return Promise.resolve(current);
  return new Promise((resolve) => {
    const subscription = languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((changed) => changed.toString() === uri.toString())) return;
      const diagnostics = shipshapeDiagnostics(uri);
      if (!accept(diagnostics)) return;
      subscription.dispose();
      resolve(diagnostics);
    });
  });
}

/** Returns an `accept` for `awaitDiagnostics` that is true when a diagnostic has rule `code`. */
export function including(code: string): (diagnostics: Diagnostic[]) => boolean {
  return (diagnostics) => diagnostics.some((diagnostic) => codeOf(diagnostic) === code);
}

/** Returns an `accept` for `awaitDiagnostics` that is true when no diagnostic has rule `code`. */
export function excluding(code: string): (diagnostics: Diagnostic[]) => boolean {
  return (diagnostics) => diagnostics.every((diagnostic) => codeOf(diagnostic) !== code);
}

/**
 * Returns the rule id of a diagnostic. VS Code stores it as `{ value, target }` when the rule
 * has a link.
 */
export function codeOf(diagnostic: Diagnostic): string {
  const code = diagnostic.code;
  return String(typeof code === 'object' ? code.value : code);
}
