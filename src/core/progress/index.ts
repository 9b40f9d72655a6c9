// The team progress store: DSOMM web app files in the workspace (see store.ts for the guarantees,
// progressFile.ts and evidenceFile.ts for the formats).
export * from './settings';
export { ProgressData } from './data';
export type { TeamState, StateHistoryEntry, NotApplicableDecision, EvidenceRecord } from './data';
export {
  readProgress,
  setState,
  setNotApplicable,
  clearNotApplicable,
  saveEvidence,
  removeEvidence,
  parseProgressText,
  parseEvidenceText,
  randomId,
  lockPath,
  LOCK_STALE_MS,
} from './store';
export type { WriteOptions, WriteResult } from './store';
export { applyProgress } from './apply';
export { NOT_APPLICABLE_TITLE } from './evidenceFile';
export type { NotApplicableInput, EvidenceInput, EvidenceDocument, EvidenceEntry } from './evidenceFile';
export { emitProgressDocument, applyState } from './progressFile';
export type { ProgressDocument, ActivityProgress, TeamStates } from './progressFile';
