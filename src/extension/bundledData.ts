// The bundled model and detection data for the model and assessment services: from the build's
// snapshot (dist/bundled-data.json) when it matches the shipped YAML files, else parsed from them.
// One source for both, so start-up reads and revives the files once.
import * as vscode from 'vscode';
import { BUNDLED_SNAPSHOT, BundledDataSource } from '../core/bundledData';
import { log } from './log';
import { VscodeFileSystem } from './vscodeFileSystem';

export function bundledDataSource(extensionUri: vscode.Uri): BundledDataSource {
  return new BundledDataSource(new VscodeFileSystem(extensionUri), ({ fromSnapshot, ms }) =>
    log(
      fromSnapshot
        ? `Loaded the bundled model and detection rules from ${BUNDLED_SNAPSHOT} in ${ms} ms`
        : `${BUNDLED_SNAPSHOT} is missing or older than model/*.yaml (run npm run build): parsed the YAML files in ${ms} ms`,
    ),
  );
}
