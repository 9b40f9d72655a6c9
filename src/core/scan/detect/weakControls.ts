// Weak-control texts shared by every file kind, so a Dockerfile RUN line and a pipeline step with
// the same command get the same finding.
import { UnverifiedScriptRun } from '../parse/shell';

export function pipeToShellMessage(run: UnverifiedScriptRun): string {
  return `A script downloaded with ${run.fetcher} is run unverified; download it, check its checksum or signature, then run it`;
}
