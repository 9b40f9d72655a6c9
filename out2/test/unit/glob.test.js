"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
// The one glob engine (src/core/glob.ts), used by the catalogue's config-file matching and the
// config-file recorder's pre-filter: both must say the same about every path.
const assert = __importStar(require("node:assert/strict"));
const glob_1 = require("../../src/core/glob");
describe('glob engine', () => {
    it('`*` stays within a segment, `**` spans any number of segments (none included)', () => {
        assert.ok((0, glob_1.globMatch)('.github/*.yml', '.github/x.yml'));
        assert.ok(!(0, glob_1.globMatch)('.github/*.yml', '.github/a/x.yml'));
        assert.ok((0, glob_1.globMatch)('**/.gitleaks.toml', '.gitleaks.toml'));
        assert.ok((0, glob_1.globMatch)('**/.gitleaks.toml', 'a/b/.gitleaks.toml'));
        assert.ok((0, glob_1.globMatch)('.threatdragon/**', '.threatdragon/models/a.json'));
        assert.ok(!(0, glob_1.globMatch)('.threatdragon/**', 'other/models/a.json'));
        assert.ok((0, glob_1.globMatch)('a/**/b/*.json', 'a/x/y/b/c.json'));
        assert.ok(!(0, glob_1.globMatch)('a/**/b/*.json', 'a/x/y/c.json'));
        assert.ok((0, glob_1.wildcardMatch)('*x*', 'axb') && !(0, glob_1.wildcardMatch)('a*c', 'abd'));
    });
    it('split and unsplit forms agree', () => {
        const cases = [['**/*.toml', 'a/b.toml'], ['a/*/c', 'a/b/c'], ['a/*/c', 'a/c'], ['**', ''], ['x/**/y/**', 'x/y'], ['*', 'a/b']];
        for (const [p, s] of cases)
            assert.equal((0, glob_1.globSegmentsMatch)(p.split('/'), s.split('/')), (0, glob_1.globMatch)(p, s), `${p} ~ ${s}`);
    });
    it('hostile patterns are answered (memoised `**`, linear `*`; exponential backtracking would not finish)', () => {
        const deep = Array(60).fill('d').join('/') + '/file';
        const pattern = Array(40).fill('**').join('/') + '/nomatch';
        assert.ok(!(0, glob_1.globMatch)(pattern, deep));
        assert.ok(!(0, glob_1.wildcardMatch)('*a'.repeat(200) + 'b', 'a'.repeat(5000)));
    });
});
//# sourceMappingURL=glob.test.js.map