// `npm run screenshots`: copies the README's screenshots from the last e2e run (test/e2e/out) into
// media/. The tests never write into media/ themselves, so a test run leaves the tree clean.
import { copyFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './harness.mjs';

const OUT = path.join(ROOT, 'test', 'e2e', 'out');
/** e2e screenshot → file the README or the walkthrough shows. */
const PICKS = {
  '04-progress-sidebar.png': 'media/screenshots/sidebar.png',
  '02-hover-github-trivy.png': 'media/screenshots/hover.png',
  '03-quickfix-menu.png': 'media/screenshots/quickfix.png',
  '05-dashboard.png': 'media/screenshots/dashboard.png',
  '05-details.png': 'media/screenshots/details.png',
  'cli.png': 'media/screenshots/cli.png',
  'walkthrough-tree.png': 'media/walkthrough/tree.png',
};

let missing = 0;
for (const [from, to] of Object.entries(PICKS)) {
  const source = path.join(OUT, from);
  if (!existsSync(source)) {
    console.error(`missing ${path.relative(ROOT, source)} (run npm run test:e2e first)`);
    missing++;
    continue;
  }
  copyFileSync(source, path.join(ROOT, to));
  console.log(`${to} ← test/e2e/out/${from}`);
}
process.exit(missing ? 1 : 0);
