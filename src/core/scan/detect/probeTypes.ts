// What a probe reports. Probes are fine-grained, named checks (stable ids such as `sast`,
// `gha.actions-pinned`, `container.non-root`); activity statuses are derived from them by
// the rules in model/rules.yaml.
import { Loc } from '../types';
import { FindingCode } from './findingCodes';

/**
 * `unknown`: nothing in the files runs it, but a remote block they call may (a catalogue tool
 * marked `mayRun`); the notes name the block and where it is called.
 */
export type ProbeResult = 'pass' | 'partial' | 'fail' | 'unknown' | 'not-applicable';

/** The files a probe's gaps are about, where guidance about them is shown (probe trait `anchor`). */
export type ProbeAnchor = 'pipeline' | 'dockerfile' | 'kubernetes';

/** Why a probe passed: the exact place and the text found there. */
export interface Evidence {
  loc: Loc;
  /** The line or token as written, trimmed (shown in hovers, the tree and reports). */
  text: string;
  /** The catalogue tool that matched, when a tool matched. */
  tool?: string;
  /**
   * The pipeline run it belongs to, for rules that join facts on the same unit (`in: pipeline` /
   * `in: job`): the top-level CI file (also for fragments, scripts and Makefiles it reaches) and the
   * job, or no job for what applies to the whole pipeline (a schedule, an included template).
   */
  unit?: EvidenceUnit;
}

export interface EvidenceUnit {
  pipeline: string;
  job?: string;
}

/**
 * A weak or missing control at a precise place, for diagnostics and quick fixes:
 * an unpinned action, a root final stage, a scanner that cannot fail the build, ...
 */
export interface Finding {
  /** The probe that found it. */
  probe: string;
  /** Stable code per kind of finding (the closed list in findingCodes.ts), e.g. `unpinned-action`, `root-user`. */
  code: FindingCode;
  message: string;
  loc: Loc;
  severity: 'warning' | 'information';
  /** Small facts a quick fix needs (e.g. { stage: 'runtime', image: 'node' }). */
  data?: Record<string, string>;
}

export interface ProbeOutcome {
  id: string;
  result: ProbeResult;
  evidence: Evidence[];
  /** Short human notes: why partial, what was not counted (disabled, install-only, external). */
  notes: string[];
  findings: Finding[];
}

/** Evidence objects live as long as the facts of their file: each one's key is built once. */
const evidenceKeys = new WeakMap<Evidence, string>();

function evidenceKey(e: Evidence): string {
  let key = evidenceKeys.get(e);
  if (key === undefined) evidenceKeys.set(e, (key = `${e.loc.path}:${e.loc.line}:${e.loc.column}:${e.tool ?? ''}:${e.text}`));
  return key;
}

/** The list without repeats of the same place, tool and text (first one kept, order kept). */
export function dedupeEvidence(list: Evidence[]): Evidence[] {
  if (list.length < 2) return list;
  // After an edit most lists hold the very objects they held before (only the edited file's facts
  // are new): comparing object identities is much cheaper than building and hashing their keys.
  const earlier = dedupedBefore.get(list[0]);
  const hit = earlier?.find((d) => d.input.length === list.length && d.input.every((e, i) => e === list[i]));
  if (hit) return hit.output.slice();
  const seen = new Set<string>();
  const output = list.filter((e) => {
    const key = evidenceKey(e);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const entries = earlier ?? [];
  entries.unshift({ input: list.slice(), output: output.slice() });
  if (entries.length > 4) entries.pop();
  if (!earlier) dedupedBefore.set(list[0], entries);
  return output;
}

/** The last few lists deduplicated, by their first element (so they go when their facts go). */
const dedupedBefore = new WeakMap<Evidence, { input: Evidence[]; output: Evidence[] }[]>();

export function outcome(id: string, result: ProbeResult, evidence: Evidence[] = [], notes: string[] = [], findings: Finding[] = []): ProbeOutcome {
  return { id, result, evidence, notes, findings };
}
