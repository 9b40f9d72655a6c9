// kustomization.yaml parser: resources, components and image overrides. Pure; never throws.
import { entry, entryLoc, isMapNode, items, keyLoc, loadYaml, located, locatedList, shapeProblem } from './common';
import { KustomizationFile, KustomizeImage } from './types';

export function parseKustomization(path: string, text: string): KustomizationFile {
  const file: KustomizationFile = { kind: 'kustomization', path, resources: [], components: [], patches: [], images: [], problems: [] };
  try {
    const ctx = loadYaml(path, text, file.problems)[0];
    if (!ctx) return file;
    const root = ctx.doc.contents;
    if (!isMapNode(root)) {
      shapeProblem(ctx, root, 'A kustomization must be a mapping');
      return file;
    }
    for (const key of ['resources', 'bases']) {
      const e = entry(ctx, root, key);
      if (!e) continue;
      file.anchor ??= keyLoc(ctx, e);
      file.resources.push(...locatedList(ctx, e.value));
    }
    file.components = locatedList(ctx, entry(ctx, root, 'components')?.value);
    if (located(ctx, entry(ctx, root, 'kind')?.value)?.value === 'Component') file.component = true;
    // Patch files: listed by path (inline `patch:` text names no file).
    file.patches.push(...locatedList(ctx, entry(ctx, root, 'patchesStrategicMerge')?.value).filter((p) => !p.value.includes('\n')));
    for (const key of ['patches', 'patchesJson6902']) {
      for (const item of items(ctx, entry(ctx, root, key)?.value)) {
        const p = isMapNode(item) ? located(ctx, entry(ctx, item, 'path')?.value) : located(ctx, item);
        if (p && !p.value.includes('\n')) file.patches.push(p);
      }
    }
    const ns = located(ctx, entry(ctx, root, 'namespace')?.value);
    if (ns) file.namespace = ns;
    const images = entry(ctx, root, 'images');
    if (images) {
      file.anchor ??= keyLoc(ctx, images);
      for (const item of items(ctx, images.value)) {
        if (!isMapNode(item)) {
          shapeProblem(ctx, item, 'Each entry of `images` must be a mapping');
          continue;
        }
        const nameEntry = entry(ctx, item, 'name');
        const name = located(ctx, nameEntry?.value);
        if (!name || !nameEntry) {
          shapeProblem(ctx, item, 'An `images` entry needs a `name`');
          continue;
        }
        const img: KustomizeImage = { loc: entryLoc(ctx, nameEntry), name };
        for (const k of ['newName', 'newTag', 'digest'] as const) {
          const v = located(ctx, entry(ctx, item, k)?.value);
          if (v) img[k] = v;
        }
        file.images.push(img);
      }
    }
  } catch (e) {
    file.problems.push({ message: `Kustomization could not be read: ${e instanceof Error ? e.message : String(e)}`, severity: 'error' });
  }
  return file;
}
