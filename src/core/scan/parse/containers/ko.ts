// `.ko.yaml` parser: the base images ko builds on. Pure; never throws.
import { entries, entry, isMapNode, loadYaml, located, shapeProblem } from './common';
import { KoConfigFile } from './types';

export function parseKoConfig(path: string, text: string): KoConfigFile {
  const file: KoConfigFile = { kind: 'ko-config', path, baseImageOverrides: [], problems: [] };
  try {
    const ctx = loadYaml(path, text, file.problems)[0];
    if (!ctx) return file;
    const root = ctx.doc.contents;
    if (!isMapNode(root)) {
      if (root !== null) shapeProblem(ctx, root, '.ko.yaml must be a mapping');
      return file;
    }
    const base = located(ctx, entry(ctx, root, 'defaultBaseImage')?.value);
    if (base && base.value.trim() !== '') file.defaultBaseImage = base;
    const overrides = entry(ctx, root, 'baseImageOverrides')?.value;
    if (isMapNode(overrides)) {
      for (const e of entries(ctx, overrides)) {
        const image = located(ctx, entry(ctx, overrides, e.keyText)?.value);
        if (image && image.value.trim() !== '') file.baseImageOverrides.push(image);
      }
    }
  } catch (e) {
    file.problems.push({ message: `.ko.yaml could not be read: ${e instanceof Error ? e.message : String(e)}`, severity: 'error' });
  }
  return file;
}
