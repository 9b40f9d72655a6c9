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
// The "Get started" walkthrough, checked in a real VS Code: it is contributed with the four steps a
// new user needs, every media file it names ships with the extension, and every command link and
// completion event points at something that exists (a registered command, a contributed setting or
// view), so no button of the walkthrough does nothing.
const assert = __importStar(require("assert"));
const vscode = __importStar(require("vscode"));
const EXTENSION_ID = 'dsomm-vscode.dsomm-vscode';
const WALKTHROUGH_ID = 'dsomm.getStarted';
const STEP_TITLES = [
    'Open the maturity view',
    'Set your team and target level',
    'Fix your first missing control',
    'Share progress with the DSOMM web app',
];
/**
 * Commands that another part of the extension
 * registers; a link may name them before that part is merged. Everything else must be registered.
 */
const CONTRACT_COMMANDS = new Set([
    'dsomm.markActivityDone', 'dsomm.markNotApplicable', 'dsomm.setActivityState', 'dsomm.resetActivity',
    'dsomm.openActivityInWeb', 'dsomm.filterByStatus', 'dsomm.clearStatusFilter', 'dsomm.groupByLevel',
    'dsomm.groupByDimension', 'dsomm.openActivity', 'dsomm.openDashboard', 'dsomm.exportReport', 'dsomm.insertFix',
]);
function extension() {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
    return ext;
}
function walkthrough() {
    const all = extension().packageJSON.contributes?.walkthroughs ?? [];
    const w = all.find((x) => x.id === WALKTHROUGH_ID);
    assert.ok(w, `no walkthrough "${WALKTHROUGH_ID}" in contributes.walkthroughs (${all.map((x) => x.id).join(', ') || 'none'})`);
    return w;
}
function mediaFiles(step) {
    const { image, markdown, svg } = step.media;
    const images = typeof image === 'string' ? [image] : image ? [image.light, image.dark] : [];
    return [...images, ...(markdown ? [markdown] : []), ...(svg ? [svg] : [])];
}
async function readText(relPath) {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension().extensionUri, relPath));
    return new TextDecoder().decode(bytes);
}
/** `command:id` links (with or without arguments) in a step description or a Markdown file. */
function commandLinks(text) {
    return [...text.matchAll(/\(command:([A-Za-z0-9_.-]+)/g)].map((m) => m[1]);
}
describe('Get started walkthrough', () => {
    before(async () => {
        await extension().activate();
    });
    it('is contributed with the four steps of a new user, in order', () => {
        const w = walkthrough();
        assert.match(w.title, /DevSecOps Maturity/);
        assert.deepStrictEqual(w.steps.map((s) => s.title), STEP_TITLES);
        for (const s of w.steps) {
            assert.ok(s.description.trim().length > 40, `step "${s.title}" has no real description`);
            assert.ok(commandLinks(s.description).length > 0, `step "${s.title}" offers no button (command link)`);
        }
        assert.strictEqual(new Set(w.steps.map((s) => s.id)).size, w.steps.length, 'step ids must be unique');
    });
    it('ships every media file it names; images are PNG screenshots, Markdown steps have content', async () => {
        const w = walkthrough();
        let images = 0;
        for (const step of w.steps) {
            const files = mediaFiles(step);
            assert.ok(files.length > 0, `step "${step.title}" has no media`);
            for (const f of files) {
                const uri = vscode.Uri.joinPath(extension().extensionUri, f);
                const stat = await vscode.workspace.fs.stat(uri).then(undefined, () => undefined);
                assert.ok(stat && stat.type === vscode.FileType.File, `step "${step.title}": ${f} does not exist`);
                if (/\.png$/i.test(f)) {
                    const bytes = await vscode.workspace.fs.readFile(uri);
                    assert.deepStrictEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], `${f} is not a PNG`);
                    // IHDR width and height (big-endian) at bytes 16–23: a real screenshot, not a placeholder pixel.
                    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
                    const [width, height] = [view.getUint32(16), view.getUint32(20)];
                    assert.ok(width >= 300 && height >= 300, `${f} is ${width}×${height}: too small for a screenshot`);
                    assert.ok(step.media.altText && step.media.altText.length > 20, `${f} needs an alt text`);
                    images++;
                }
                if (/\.md$/i.test(f)) {
                    const text = await readText(f);
                    assert.match(text, /^# \S/, `${f} should start with a heading`);
                    assert.ok(text.length > 300, `${f} is nearly empty`);
                }
            }
        }
        assert.ok(images >= 1, 'the walkthrough shows no screenshot');
    });
    it('links only commands that are registered or promised by the contract', async () => {
        const registered = new Set(await vscode.commands.getCommands(false));
        const w = walkthrough();
        const links = [];
        for (const step of w.steps) {
            for (const id of commandLinks(step.description))
                links.push({ where: `step "${step.title}"`, id });
            if (step.media.markdown)
                for (const id of commandLinks(await readText(step.media.markdown)))
                    links.push({ where: step.media.markdown, id });
        }
        const unknown = links.filter((l) => !registered.has(l.id) && !CONTRACT_COMMANDS.has(l.id));
        assert.deepStrictEqual(unknown, [], 'command links that lead nowhere');
        // The view step's button must work today, not only once other parts land.
        assert.ok(registered.has('dsomm.activities.focus'), 'dsomm.activities.focus is not registered');
        await vscode.commands.executeCommand('dsomm.activities.focus');
    });
    it('completes on events that can happen: contributed views and settings, known commands', async () => {
        const contributes = extension().packageJSON.contributes;
        const views = new Set(Object.values(contributes.views ?? {}).flatMap((vs) => vs.map((v) => v.id)));
        const settings = new Set(Object.keys(contributes.configuration?.properties ?? {}));
        const registered = new Set(await vscode.commands.getCommands(false));
        for (const step of walkthrough().steps) {
            for (const event of step.completionEvents ?? []) {
                const [kind, arg] = [event.slice(0, event.indexOf(':')), event.slice(event.indexOf(':') + 1)];
                if (kind === 'onView')
                    assert.ok(views.has(arg), `${event}: no such view`);
                else if (kind === 'onSettingChanged')
                    assert.ok(settings.has(arg), `${event}: no such setting`);
                else if (kind === 'onCommand')
                    assert.ok(registered.has(arg) || CONTRACT_COMMANDS.has(arg), `${event}: no such command`);
                else
                    assert.fail(`${event}: unexpected completion event kind "${kind}"`);
            }
        }
    });
    it('opens in the workbench', async () => {
        await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#${WALKTHROUGH_ID}`, false);
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    });
});
//# sourceMappingURL=walkthrough.test.js.map