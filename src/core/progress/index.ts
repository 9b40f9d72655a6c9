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
export type { ApplyOptions } from './apply';
export { NOT_APPLICABLE_TITLE } from './evidenceFile';
export type { NotApplicableInput, EvidenceInput, EvidenceDocument, EvidenceEntry } from './evidenceFile';
export { emitProgressDocument, applyState } from './progressFile';
export type { ProgressDocument, ActivityProgress, TeamStates } from './progressFile';
export { resolveTeam, checkTeamName } from './team';
export type { TeamResolution, TeamSource, TeamInputs } from './team';
export { readDsommConfig, parseDsommConfig, emitDsommConfig, createDsommConfig, addTeamToConfig, metaPathFor, META_FILE_NAME, TEAMS_FILE_NAME } from './metaFile';
export type { DsommConfig, DefinedState, NewConfigInput } from './metaFile';
export { loadWorkspaceProgress, settingsFromConfig } from './workspace';
export type { WorkspaceProgress, WorkspaceProgressInput } from './workspace';
export { checkTeamFilePath } from './store';
export { readRepositoryInfo, parseRemotes, webUrlOf, lineUrl, detectedEvidenceInput, DETECTED_EVIDENCE_TITLE } from './repositoryLinks';
export type { RepositoryInfo } from './repositoryLinks';
