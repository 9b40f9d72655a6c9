// The team's progress of one workspace folder, as the extension and the CLI both read it: the
// DSOMM config next to the progress file (meta.yaml, else teams.yaml), the files it names, the
// progress states (an explicit setting overrides the config's), and the team (team.ts).
import { dirname, FileSystem, joinPath } from '../fs';
import { ProgressData } from './data';
import { DsommConfig, metaPathFor, readDsommConfig } from './metaFile';
import { DEFAULT_PROGRESS_FILE, EVIDENCE_FILE_NAME, ProgressFileError, ProgressSettings, ProgressSettingsInput, resolveProgressSettings } from './settings';
import { readProgress } from './store';
import { resolveTeam, TeamResolution } from './team';

export interface WorkspaceProgressInput {
  /** Workspace-relative progress file (the setting); where the config is looked for. */
  progressFile?: string;
  /** The explicit team (setting or --team). */
  team?: string;
  /** Explicit progress states (the dsomm.progressStates setting): they win over the config's. */
  states?: ProgressSettingsInput['states'];
  /** True: `progressFile` is the file to read even when the config names another (`--progress FILE`). */
  fixedFile?: boolean;
}

export interface WorkspaceProgress {
  /** `team` is '' when it could not be resolved (see `team`). */
  settings: ProgressSettings;
  data: ProgressData;
  config?: DsommConfig;
  /** Where the config was looked for. */
  configPath: string;
  team: TeamResolution;
  /** The config could not be used (it is ignored; the files are read with the settings alone). */
  configError?: ProgressFileError;
}

/**
 * The settings the team's files are read and written with, without reading the files.
 * Throws ProgressSettingsError for invalid states or file names.
 */
export function settingsFromConfig(input: WorkspaceProgressInput, config: DsommConfig | undefined, team = ''): ProgressSettings {
  const file = (!input.fixedFile && config?.progressFile) || (input.progressFile ?? '').trim() || DEFAULT_PROGRESS_FILE;
  const evidenceFile = (!input.fixedFile && config?.evidenceFile) || joinPath(dirname(file), EVIDENCE_FILE_NAME);
  const states = input.states && input.states.length ? input.states : config?.states;
  return resolveProgressSettings({ file, evidenceFile, team, states });
}

/** Reads the config and both files and resolves the team. Throws ProgressFileError / ProgressSettingsError. */
export async function loadWorkspaceProgress(fs: FileSystem, input: WorkspaceProgressInput): Promise<WorkspaceProgress> {
  const configPath = metaPathFor((input.progressFile ?? '').trim() || DEFAULT_PROGRESS_FILE);
  let config: DsommConfig | undefined;
  let configError: ProgressFileError | undefined;
  try {
    config = await readDsommConfig(fs, configPath);
  } catch (e) {
    if (!(e instanceof ProgressFileError)) throw e;
    configError = e;
  }
  const unresolved = settingsFromConfig(input, config);
  const read = await readProgress(fs, unresolved);
  const team = resolveTeam({ explicit: input.team, config, fileTeams: read.teams() });
  const settings = { ...unresolved, team: team.team ?? '' };
  return { settings, data: new ProgressData(settings, read.progress, read.evidenceFile), config, configPath, team, ...(configError ? { configError } : {}) };
}
