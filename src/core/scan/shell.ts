// Shell command analysis: turns a ShellLine into the programs it actually runs.
// Interface fixed here; the implementation (invocations) follows below.
import { ShellLine } from './types';

export interface Invocation {
  /** Program actually run, as a basename in lower case: `trivy`, `gitleaks`, `zap-baseline.py`, `npm`. */
  program: string;
  /** Words after the program, quotes removed, variables left as written (`$IMAGE`). */
  args: string[];
  /**
   * 'run': the program runs. 'install': a package manager or installer puts it on the machine
   * (`pip install semgrep`, `npm i -g snyk`, `apt-get install trivy`, `curl … | sh`): the
   * installed names are in `args`, and it does NOT count as running the tool.
   */
  kind: 'run' | 'install';
  /** The wrapper it was reached through: `npx`, `docker run`, `python -m`, `bash -c`, `sudo`, ... */
  wrapper?: string;
  /** The image for `docker|podman|nerdctl run IMAGE …` (as written, with tag or digest). */
  image?: string;
  /** The line it came from: the evidence location. */
  line: ShellLine;
}
