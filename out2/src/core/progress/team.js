"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.resolveTeam = resolveTeam;
exports.checkTeamName = checkTeamName;
exports.teamLabel = teamLabel;
// Which team the workspace records progress for: one order, shared by the extension and the CLI,
// so both show the same team's progress for the same folder.
//   1. the explicit choice: the `dsomm.team` setting, or `--team`;
//   2. the DSOMM configuration in the workspace (meta.yaml / teams.yaml): its only team, or, when
//      it lists several, the only one of them the progress file already holds;
//   3. the only team already in the team's files;
//   4. nobody: the extension asks on the first record (offering `choices`), the CLI asks for --team.
const progressFile_1 = require("./progressFile");
function resolveTeam(input) {
    const configTeams = input.config?.teams ?? [];
    const unknownTo = (team) => (input.config && configTeams.length && !configTeams.includes(team) ? { unknownTo: input.config.source } : {});
    const explicit = input.explicit?.trim();
    if (explicit)
        return { team: explicit, source: 'setting', ...unknownTo(explicit) };
    if (configTeams.length === 1)
        return { team: configTeams[0], source: 'config' };
    if (configTeams.length > 1) {
        const recorded = input.fileTeams.filter((t) => configTeams.includes(t));
        if (recorded.length === 1)
            return { team: recorded[0], source: 'progress' };
        const extra = input.fileTeams.filter((t) => !configTeams.includes(t)).sort(progressFile_1.compareText);
        return {
            team: undefined,
            choices: [...configTeams, ...extra],
            reason: `${input.config.source} lists ${configTeams.length} teams${recorded.length ? ` and the team's files hold ${recorded.length} of them` : ''}`,
        };
    }
    if (input.fileTeams.length === 1)
        return { team: input.fileTeams[0], source: 'progress', ...unknownTo(input.fileTeams[0]) };
    return {
        team: undefined,
        choices: [...input.fileTeams].sort(progressFile_1.compareText),
        reason: input.fileTeams.length ? `the team's files hold ${input.fileTeams.length} teams` : 'no team is set and none has recorded progress yet',
    };
}
/** A team name the user typed: one line, not blank. Undefined when fine, else what is wrong. */
function checkTeamName(name) {
    if (!name.trim())
        return 'A team name is needed.';
    if (/[\r\n]/.test(name))
        return 'The team name must be one line.';
    if (name.trim().length > 200)
        return 'That is too long for a team name.';
    return undefined;
}
/** How a team is named in running text: "Team Blue" stays as is, "Blue" becomes "Team Blue". */
function teamLabel(name) {
    return /^team\b/i.test(name.trim()) ? name.trim() : `Team ${name.trim()}`;
}
//# sourceMappingURL=team.js.map