// The team progress store: DSOMM web app files in the workspace (see store.ts for the guarantees,
// progressFile.ts and evidenceFile.ts for the formats).
export * from './settings';
export { ProgressData } from './data';
export {
  readProgress,
  setState,
  setNotApplicable,
  clearNotApplicable,
  saveEvidence,
  removeEvidence,
  parseProgressText,
  parseEvidenceText,
  lockPath,
} from './store';
export { applyProgress } from './apply';
export { resolveTeam, checkTeamName } from './team';
export { readDsommConfig, parseDsommConfig, emitDsommConfig, createDsommConfig, addTeamToConfig, META_FILE_NAME, TEAMS_FILE_NAME } from './metaFile';
export { loadWorkspaceProgress, settingsFromConfig } from './workspace';
export type { WorkspaceProgress, WorkspaceProgressInput } from './workspace';
export { readRepositoryInfo, parseRemotes, webUrlOf, lineUrl, detectedEvidenceInput } from './repositoryLinks';
