// The engine as bench/scan-bench.mjs uses it, bundled by `node esbuild.js --bench` into
// bench/out/engine.cjs (one copy of the `yaml` package for the engine and the lower bound).
export { walkWorkspace } from '../src/core/scan/discover/walker';
export { WorkspaceIndex } from '../src/core/scan/workspaceIndex';
export { evaluate } from '../src/core/scan/detect/evaluate';
export { loadDetectionData } from '../src/core/scan/scan';
export { scanFolder } from '../src/core/scan/folderScan';
export { parseModel } from '../src/core/model/loader';
export { NodeFileSystem } from '../src/core/nodeFileSystem';
export { decodeText } from '../src/core/fs';
export { parseAllDocuments } from 'yaml';
export { parseFile } from '../src/core/scan/parse/parseFile';
export { parseProgressText, readProgress, resolveProgressSettings, setState } from '../src/core/progress';
