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
// chooseFolder: the one rule for "which workspace folder" (export, dashboard, progress commands, status bar).
const assert = __importStar(require("node:assert/strict"));
const folderChoice_1 = require("../../src/core/folderChoice");
const A = 'file:///work/app';
const B = 'file:///work/payments';
const GONE = 'file:///work/closed';
describe('chooseFolder (multi-root: which folder am I acting on)', () => {
    it('no folder: none, whatever the hints say (except a named folder, which is reported gone)', () => {
        assert.deepEqual((0, folderChoice_1.chooseFolder)([], {}, 'ask'), { kind: 'none' });
        assert.deepEqual((0, folderChoice_1.chooseFolder)([], { active: A, shown: A }, 'first'), { kind: 'none' });
        assert.deepEqual((0, folderChoice_1.chooseFolder)([], { named: A }, 'first'), { kind: 'gone', key: A });
    });
    it('one folder: that folder, never a question', () => {
        for (const whenUnclear of ['ask', 'first']) {
            assert.deepEqual((0, folderChoice_1.chooseFolder)([A], {}, whenUnclear), { kind: 'folder', key: A });
            assert.deepEqual((0, folderChoice_1.chooseFolder)([A], { active: GONE, shown: GONE }, whenUnclear), { kind: 'folder', key: A });
        }
    });
    it('the named folder wins over the active editor and the folder shown', () => {
        assert.deepEqual((0, folderChoice_1.chooseFolder)([A, B], { named: B, active: A, shown: A }, 'ask'), { kind: 'folder', key: B });
        assert.deepEqual((0, folderChoice_1.chooseFolder)([A, B], { named: A, active: B }, 'first'), { kind: 'folder', key: A });
    });
    it('a named folder that was closed is reported, not replaced by another folder', () => {
        assert.deepEqual((0, folderChoice_1.chooseFolder)([A, B], { named: GONE, active: B }, 'first'), { kind: 'gone', key: GONE });
        assert.deepEqual((0, folderChoice_1.chooseFolder)([A], { named: GONE }, 'ask'), { kind: 'gone', key: GONE });
    });
    it('several folders: the active editor\'s folder, else the one shown', () => {
        assert.deepEqual((0, folderChoice_1.chooseFolder)([A, B], { active: B, shown: A }, 'ask'), { kind: 'folder', key: B });
        assert.deepEqual((0, folderChoice_1.chooseFolder)([A, B], { shown: B }, 'first'), { kind: 'folder', key: B });
        // An editor on a file outside the workspace gives no folder; a closed shown folder is skipped.
        assert.deepEqual((0, folderChoice_1.chooseFolder)([A, B], { active: GONE, shown: B }, 'ask'), { kind: 'folder', key: B });
    });
    it('several folders and nothing points at one: the first for displays, a question for actions', () => {
        const hints = [{}, { active: GONE }, { shown: GONE }];
        for (const h of hints) {
            assert.deepEqual((0, folderChoice_1.chooseFolder)([A, B], h, 'first'), { kind: 'folder', key: A });
            assert.deepEqual((0, folderChoice_1.chooseFolder)([A, B], h, 'ask'), { kind: 'ask' });
        }
    });
});
//# sourceMappingURL=folder-choice.test.js.map