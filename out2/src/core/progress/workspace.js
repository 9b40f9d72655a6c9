"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.settingsFromConfig = settingsFromConfig;
exports.loadWorkspaceProgress = loadWorkspaceProgress;
// The team's progress of one workspace folder, as the extension and the CLI both read it: the
// DSOMM config next to the progress file (meta.yaml, else teams.yaml), the files it names, the
// progress states (an explicit setting overrides the config's), and the team (team.ts).
const fs_1 = require("../fs");
const data_1 = require("./data");
const metaFile_1 = require("./metaFile");
const settings_1 = require("./settings");
const store_1 = require("./store");
const team_1 = require("./team");
/**
 * The settings the team's files are read and written with, without reading the files.
 * Throws ProgressSettingsError for invalid states or file names.
 */
function settingsFromConfig(input, config, team = '') {
    const file = (!input.fixedFile && config?.progressFile) || (input.progressFile ?? '').trim() || settings_1.DEFAULT_PROGRESS_FILE;
    const evidenceFile = (!input.fixedFile && config?.evidenceFile) || (0, fs_1.joinPath)((0, fs_1.dirname)(file), settings_1.EVIDENCE_FILE_NAME);
    const states = input.states && input.states.length ? input.states : config?.states;
    return (0, settings_1.resolveProgressSettings)({ file, evidenceFile, team, states });
}
/** Reads the config and both files and resolves the team. Throws ProgressFileError / ProgressSettingsError. */
async function loadWorkspaceProgress(fs, input) {
    const configPath = (0, metaFile_1.metaPathFor)((input.progressFile ?? '').trim() || settings_1.DEFAULT_PROGRESS_FILE);
    let config;
    let configError;
    try {
        config = await (0, metaFile_1.readDsommConfig)(fs, configPath);
    }
    catch (e) {
        if (!(e instanceof settings_1.ProgressFileError))
            throw e;
        configError = e;
    }
    const unresolved = settingsFromConfig(input, config);
    const read = await (0, store_1.readProgress)(fs, unresolved);
    const team = (0, team_1.resolveTeam)({ explicit: input.team, config, fileTeams: read.teams() });
    const settings = { ...unresolved, team: team.team ?? '' };
    return { settings, data: new data_1.ProgressData(settings, read.progress, read.evidenceFile), config, configPath, team, ...(configError ? { configError } : {}) };
}
//# sourceMappingURL=workspace.js.map