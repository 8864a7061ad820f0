import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';

const require = createRequire(import.meta.url);

/** A change to one of dynalite's source files, checked against the text it was written for. */
export interface SourcePatch {
  /** The file inside the dynalite package, e.g. `db/index.js`. */
  file: string;
  /** What the patch does, named in the error when the file is not the one it was written for. */
  purpose: string;
  /** Each `find` must occur exactly once in the file (as the earlier edits left it). */
  edits: ReadonlyArray<{ find: string; replace: string }>;
}

type LoadedModule = Module & {
  _compile(source: string, filename: string): void;
  flightPulsePatches?: string;
};

/**
 * Puts dynalite's files, with these patches applied, into `require`'s cache, so that dynalite's
 * own `require`s get them. Files are compiled in the order given (a file's requires run as it
 * compiles: patch what it requires first). A file already loaded with the same patches is left
 * as it is; one loaded without them, or a source the patches do not fit, is an error, never a
 * silently unpatched store.
 */
export function loadPatchedDynalite(patches: readonly SourcePatch[]): void {
  const files = [...new Set(patches.map((p) => p.file))];
  for (const file of files) {
    const ofFile = patches.filter((p) => p.file === file);
    const signature = ofFile.map((p) => p.purpose).join('; ');
    const path = require.resolve(`dynalite/${file}`);
    const cached = require.cache[path] as LoadedModule | undefined;
    if (cached) {
      if (cached.flightPulsePatches === signature) continue;
      throw new Error(`dynalite/${file} was loaded before its patches (${signature})`);
    }
    const source = ofFile.reduce(
      (text, patch) => patch.edits.reduce((t, edit) => applyEdit(t, edit, file, patch), text),
      readFileSync(path, 'utf8'),
    );
    const loaded = new Module(path) as LoadedModule;
    loaded.filename = path;
    loaded.paths = (
      Module as unknown as { _nodeModulePaths(dir: string): string[] }
    )._nodeModulePaths(dirname(path));
    loaded.flightPulsePatches = signature;
    require.cache[path] = loaded;
    try {
      loaded._compile(source, path);
    } catch (error) {
      delete require.cache[path];
      throw error;
    }
    loaded.loaded = true;
  }
}

function applyEdit(
  source: string,
  edit: { find: string; replace: string },
  file: string,
  patch: SourcePatch,
): string {
  const at = source.indexOf(edit.find);
  if (at < 0 || source.indexOf(edit.find, at + 1) >= 0)
    throw new Error(`dynalite/${file} is not the version this patch is for: ${patch.purpose}`);
  return source.slice(0, at) + edit.replace + source.slice(at + edit.find.length);
}
