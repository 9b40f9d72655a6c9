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
// The model loader against the bundled model, the official 4.3.1 file (../shared beside the checkout),
// a legacy 1.x generated.yaml fixture and a set of broken files.
const assert = __importStar(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const path = __importStar(require("node:path"));
const loader_1 = require("../../src/core/model/loader");
const skip_1 = require("./skip");
const timeBoundCases_1 = require("./timeBoundCases");
const ROOT = path.resolve(__dirname, '../../..');
const BUNDLED = path.join(ROOT, 'model/dsomm-model.yaml');
// CI has the shared reference data beside the clone (../shared); so does a developer's checkout.
const OFFICIAL = path.resolve(ROOT, '../shared/dsomm/model-4.3.1.yaml');
const FIXTURES = path.join(ROOT, 'test/fixtures/models');
const LEGACY = path.join(FIXTURES, 'legacy-generated.yaml');
const BROKEN = path.join(FIXTURES, 'broken');
const DIMENSIONS = ['Build and Deployment', 'Culture and Organization', 'Implementation', 'Information Gathering', 'Test and Verification'];
// 4.3.1 has two ids with a suffix (`…d20b-medium`, `…d20b-advanced`) next to the plain `…d20b`.
const UUID_LIKE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(-[a-z]+)?$/;
const CONTROL_ID = /^\d+(\.\d+)*$/;
function load(file) {
    return (0, loader_1.parseModel)((0, node_fs_1.readFileSync)(file, 'utf8'), file);
}
function byName(model, name) {
    const found = [...model.activities.values()].find((a) => a.name === name);
    assert.ok(found, `activity "${name}" not found`);
    return found;
}
/** 1-based line of the first line of `text` that contains `needle` (so fixtures can be edited freely). */
function lineOf(text, needle) {
    const i = text.split('\n').findIndex((l) => l.includes(needle));
    assert.ok(i >= 0, `"${needle}" not in the fixture`);
    return i + 1;
}
/** Runs `fn`, expects a ModelError and returns it. */
function modelError(fn) {
    try {
        fn();
    }
    catch (e) {
        assert.ok(e instanceof loader_1.ModelError, `expected a ModelError, got ${e?.stack ?? e}`);
        return e;
    }
    assert.fail('expected a ModelError, but the model loaded');
}
function sorted(values) {
    return [...values].sort();
}
describe('model loader', () => {
    describe('bundled model (model/dsomm-model.yaml)', () => {
        let text;
        let model;
        before(() => {
            text = (0, node_fs_1.readFileSync)(BUNDLED, 'utf8');
            model = (0, loader_1.parseModel)(text, BUNDLED);
        });
        it('is a two-document model.yaml with meta version 4.3.1', () => {
            assert.equal(model.format, 'v4');
            assert.equal(model.source, BUNDLED);
            assert.equal(model.meta.version, '4.3.1');
            assert.equal(model.meta.released, '2026-05-19');
            assert.equal(typeof model.meta.publisher, 'string');
        });
        it('has 194 activities in 5 dimensions and 19 sub-dimensions', () => {
            assert.equal(model.activities.size, 194);
            assert.deepEqual(model.dimensions.map((d) => d.name), DIMENSIONS);
            assert.equal(model.dimensions.reduce((n, d) => n + d.subdimensions.length, 0), 19);
            const walked = model.dimensions.flatMap((d) => d.subdimensions.flatMap((s) => s.activities));
            assert.equal(walked.length, 194, 'every activity sits in exactly one sub-dimension');
            assert.deepEqual(walked.map((a) => a.uuid), [...model.activities.keys()], 'activities map is in file order');
            for (const d of model.dimensions) {
                for (const s of d.subdimensions) {
                    assert.equal(s.dimension, d.name);
                    for (const a of s.activities) {
                        assert.equal(a.dimension, d.name);
                        assert.equal(a.subdimension, s.name);
                    }
                }
            }
        });
        it('has the expected activities per level and per dimension', () => {
            const perLevel = [0, 0, 0, 0, 0];
            for (const a of model.activities.values())
                perLevel[a.level - 1]++;
            assert.deepEqual(perLevel, [26, 57, 61, 31, 19]);
            const perDimension = Object.fromEntries(model.dimensions.map((d) => [d.name, d.subdimensions.reduce((n, s) => n + s.activities.length, 0)]));
            assert.deepEqual(perDimension, {
                'Build and Deployment': 28,
                'Culture and Organization': 28,
                Implementation: 41,
                'Information Gathering': 30,
                'Test and Verification': 67,
            });
            assert.deepEqual(model.dimensions.find((d) => d.name === 'Test and Verification').subdimensions.map((s) => s.name), ['Application tests', 'Consolidation', 'Dynamic depth for applications', 'Dynamic depth for infrastructure', 'Static depth for applications', 'Static depth for infrastructure', 'Test Intensity']);
        });
        it('gives every activity a uuid, a level, a description, a risk and a measure', () => {
            const lines = text.split('\n');
            for (const a of model.activities.values()) {
                assert.match(a.uuid, UUID_LIKE, a.name);
                assert.ok(Number.isInteger(a.level) && a.level >= 1 && a.level <= 5, a.name);
                assert.notEqual(a.description, '', `${a.name}: description`);
                assert.notEqual(a.risk, '', `${a.name}: risk`);
                assert.notEqual(a.measure, '', `${a.name}: measure`);
                assert.ok(lines[a.line - 1].includes(`${a.name}:`), `${a.name}: line ${a.line} is the activity's key`);
                assert.ok(!a.tags.includes('none'), `${a.name}: the placeholder tag "none" is dropped`);
            }
            const names = [...model.activities.values()].map((a) => a.name);
            assert.equal(new Set(names).size, names.length, 'activity names are unique');
        });
        it('resolves every dependsOn to another activity and reports no warnings', () => {
            assert.deepEqual(model.warnings, []);
            let withDeps = 0;
            for (const a of model.activities.values()) {
                if (a.dependsOn.length)
                    withDeps++;
                for (const d of a.dependsOn) {
                    assert.ok(model.activities.has(d), `${a.name} depends on ${d}`);
                    assert.notEqual(d, a.uuid, `${a.name} depends on itself`);
                }
                assert.equal(new Set(a.dependsOn).size, a.dependsOn.length, `${a.name}: no duplicate dependencies`);
            }
            // 99 activities carry the key, 8 of them as `dependsOn: []`.
            assert.equal(withDeps, 91);
        });
        it('tells a suffixed uuid from its plain prefix (WAF Advanced depends on WAF medium, not WAF baseline)', () => {
            const baseline = byName(model, 'WAF baseline');
            const medium = byName(model, 'WAF medium');
            assert.equal(medium.uuid, `${baseline.uuid}-medium`);
            assert.deepEqual(medium.dependsOn, [baseline.uuid]);
            assert.deepEqual(byName(model, 'WAF Advanced').dependsOn, [medium.uuid]);
        });
        it('keeps references as strings, as written in the file', () => {
            const defined = byName(model, 'Defined build process');
            assert.deepEqual(defined.references['iso27001-2022'], ['5.37', '8.32']);
            assert.deepEqual(defined.references.samm2, ['I-SB-A-1']);
            let isoValues = 0;
            for (const a of model.activities.values()) {
                for (const [key, values] of Object.entries(a.references)) {
                    for (const v of values) {
                        assert.equal(typeof v, 'string', `${a.name} ${key}`);
                        assert.ok(text.includes(v), `${a.name} ${key}: "${v}" is written like that in the file`);
                        if (key.startsWith('iso27001') && CONTROL_ID.test(v))
                            isoValues++;
                    }
                }
            }
            assert.ok(isoValues > 300, `ISO control ids found: ${isoValues}`);
        });
    });
    describe('official model 4.3.1 (../shared/dsomm/model-4.3.1.yaml beside the checkout)', () => {
        let text;
        let official;
        let bundled;
        before(function () {
            if (!(0, node_fs_1.existsSync)(OFFICIAL))
                (0, skip_1.skipBecause)(this, `${OFFICIAL} is not on this machine (CI puts shared/ beside the clone)`, { requiredInCi: true });
            text = (0, node_fs_1.readFileSync)(OFFICIAL, 'utf8');
            official = (0, loader_1.parseModel)(text, OFFICIAL);
            bundled = load(BUNDLED);
        });
        it('loads as a v4 model: 194 activities, meta version 4.3.1, no warnings', () => {
            assert.equal(official.format, 'v4');
            assert.equal(official.activities.size, 194);
            assert.equal(official.meta.version, '4.3.1');
            assert.equal(official.meta.released, '2026-05-19');
            assert.match(official.meta.publisher ?? '', /^https:\/\/github\.com\/devsecopsmaturitymodel\/DevSecOps-MaturityModel-data/);
            assert.deepEqual(official.warnings, []);
            assert.deepEqual(official.dimensions.map((d) => d.name), DIMENSIONS);
        });
        it('has the same uuids as the bundled model', () => {
            assert.deepEqual(sorted(official.activities.keys()), sorted(bundled.activities.keys()));
        });
        it('has the same level, dependencies, name and place per uuid as the bundled model', () => {
            for (const [uuid, o] of official.activities) {
                const b = bundled.activities.get(uuid);
                assert.equal(b.level, o.level, `${o.name}: level`);
                assert.deepEqual(sorted(b.dependsOn), sorted(o.dependsOn), `${o.name}: dependsOn`);
                assert.equal(b.name, o.name, `${uuid}: name`);
                assert.equal(b.dimension, o.dimension, `${o.name}: dimension`);
                assert.equal(b.subdimension, o.subdimension, `${o.name}: sub-dimension`);
                assert.deepEqual(b.references, o.references, `${o.name}: references`);
            }
        });
        it('keeps unquoted ISO numbers as their source text', () => {
            // The official file writes ISO controls as unquoted YAML floats (e.g. `- 8.32`).
            assert.match(text, /^\s+- 8\.32$/m);
            let controls = 0;
            for (const a of official.activities.values()) {
                for (const v of [...(a.references['iso27001-2017'] ?? []), ...(a.references['iso27001-2022'] ?? [])]) {
                    assert.equal(typeof v, 'string');
                    if (!CONTROL_ID.test(v))
                        continue; // free-text notes may be folded over several lines
                    controls++;
                    assert.match(text, new RegExp(`^\\s+- "?${v.replace(/\./g, '\\.')}"?$`, 'm'), `${a.name}: "${v}" as written`);
                }
            }
            assert.ok(controls > 600, `ISO control ids: ${controls}`);
            // The generator's float round-trip turned 8.20 into 8.2 in this release; we keep what is written.
            assert.ok(byName(official, 'Defense metrics').references['iso27001-2022'].includes('8.2'));
        });
        it('accepts implementation as list, "" and null, and keeps unknown fields in extra', () => {
            const noTools = [...official.activities.values()].filter((a) => a.tools.length === 0);
            assert.ok(noTools.length >= 11, `activities without tools: ${noTools.length}`);
            assert.ok([...official.activities.values()].some((a) => a.tools.some((t) => t.url === undefined)), 'tools without url are kept');
            const extraKeys = new Set([...official.activities.values()].flatMap((a) => Object.keys(a.extra)));
            for (const k of ['isImplemented', 'evidence', 'comments', 'comment', 'credits'])
                assert.ok(extraKeys.has(k), k);
            assert.equal(byName(official, 'Pinning of artifacts').extra.comment !== undefined, true);
        });
    });
    describe('legacy 1.x generated.yaml (fixture)', () => {
        let text;
        let model;
        before(() => {
            text = (0, node_fs_1.readFileSync)(LEGACY, 'utf8');
            model = (0, loader_1.parseModel)(text, LEGACY);
        });
        const warning = (re) => {
            const found = model.warnings.filter((w) => re.test(w.message));
            assert.equal(found.length, 1, `one warning matching ${re}; warnings: ${JSON.stringify(model.warnings, null, 1)}`);
            return found[0];
        };
        it('is read as the legacy format without a meta document', () => {
            assert.equal(model.format, 'legacy');
            assert.deepEqual(model.meta, {});
            assert.equal(model.activities.size, 6);
            assert.deepEqual(model.dimensions.map((d) => [d.name, d.subdimensions.map((s) => s.name)]), [
                ['Build and Deployment', ['Build', 'Deployment']],
                ['Culture and Organization', ['Education and Guidance']],
            ]);
        });
        it('skips _meta, _yaml_references, ignore keys, ignored activities and non-map values', () => {
            const names = [...model.activities.values()].map((a) => a.name);
            assert.deepEqual(names, [
                'Defined build process',
                'Building in virtual environments',
                'Pinning of artifacts',
                'Cycle start',
                'Cycle end',
                'Security awareness training',
            ]);
            assert.ok(!model.activities.has('11111111-1111-4111-8111-000000000009'), 'ignore: true removes the activity');
            assert.ok(!model.activities.has('11111111-1111-4111-8111-00000000000a'), 'an "ignore" key is not a sub-dimension');
            for (const w of model.warnings)
                assert.doesNotMatch(w.message, /_meta|_yaml_references|Not an activity|ignore/);
        });
        it('resolves dependsOn by name', () => {
            assert.deepEqual(byName(model, 'Building in virtual environments').dependsOn, ['11111111-1111-4111-8111-000000000001']);
        });
        it('resolves a mixed dependsOn (raw uuid, "uuid:" prefix, name) once each', () => {
            assert.deepEqual(byName(model, 'Pinning of artifacts').dependsOn, ['11111111-1111-4111-8111-000000000001', '11111111-1111-4111-8111-000000000002']);
            assert.deepEqual(byName(model, 'Security awareness training').dependsOn, ['11111111-1111-4111-8111-000000000004']);
        });
        it('warns about an unresolved dependency, naming it and the line', () => {
            const w = warning(/Continuous Integration/);
            assert.match(w.message, /"Pinning of artifacts" depends on unknown activity "Continuous Integration"/);
            assert.equal(w.activity, 'Pinning of artifacts');
            assert.equal(w.line, lineOf(text, 'Pinning of artifacts:'));
        });
        it('warns about a dependency cycle and still finishes', () => {
            const w = warning(/dependency cycle/);
            assert.match(w.message, /Cycle start/);
            assert.match(w.message, /Cycle end/);
            assert.deepEqual(byName(model, 'Cycle start').dependsOn, ['11111111-1111-4111-8111-000000000005']);
            assert.deepEqual(byName(model, 'Cycle end').dependsOn, ['11111111-1111-4111-8111-000000000004']);
        });
        it('keeps the first of two activities with the same uuid and warns', () => {
            const w = warning(/duplicate uuid/);
            assert.match(w.message, /11111111-1111-4111-8111-000000000001/);
            assert.match(w.message, /Same uuid as the build process/);
            assert.match(w.message, /Defined build process/);
            assert.equal(w.line, lineOf(text, 'Same uuid as the build process:'));
            assert.equal(model.activities.get('11111111-1111-4111-8111-000000000001').name, 'Defined build process');
        });
        it('skips an activity without uuid or with a bad level, with a warning each', () => {
            const noUuid = warning(/"Activity without uuid" has no uuid/);
            assert.equal(noUuid.line, lineOf(text, 'Activity without uuid:'));
            const bad = warning(/"Activity with a bad level" has no level 1-5 \(7\)/);
            assert.equal(bad.line, lineOf(text, 'Activity with a bad level:'));
            const textLevel = warning(/"Activity with a text level" has no level 1-5 \(high\)/);
            assert.equal(textLevel.line, lineOf(text, 'Activity with a text level:'));
            assert.ok(!model.activities.has('11111111-1111-4111-8111-000000000007'));
            assert.ok(!model.activities.has('11111111-1111-4111-8111-000000000008'));
            assert.equal(model.warnings.length, 6, JSON.stringify(model.warnings, null, 1));
        });
        it('reads teamsImplemented and keeps isImplemented, evidence and unknown fields in extra', () => {
            const a = byName(model, 'Defined build process');
            assert.deepEqual(a.teamsImplemented, { Default: true, B: false, C: false });
            assert.deepEqual(byName(model, 'Building in virtual environments').teamsImplemented, { Default: false, B: true, C: false });
            assert.deepEqual(a.extra, {
                isImplemented: false,
                evidence: '',
                comments: 'Kept as an unknown field.',
                customField: { nested: [1, 'two'] },
            });
            assert.equal('teamsImplemented' in a.extra, false);
        });
        it('reads tools, skipping non-map and nameless items, and tolerates missing url or tags', () => {
            const tools = byName(model, 'Defined build process').tools;
            assert.deepEqual(tools, [
                { uuid: '11111111-1111-4111-8111-0000000000f1', name: 'Jenkins', tags: ['ci-cd'], url: 'https://www.jenkins.io/', description: 'An automation server.' },
                { name: 'Tool without url', tags: [] },
                { name: 'Tool without tags', tags: [], url: 'https://example.org/tool' },
            ]);
        });
        it('accepts implementation: "" and implementation: null as no tools', () => {
            assert.deepEqual(byName(model, 'Building in virtual environments').tools, []);
            assert.deepEqual(byName(model, 'Pinning of artifacts').tools, []);
        });
        it('drops the placeholder tag "none"', () => {
            assert.deepEqual(byName(model, 'Defined build process').tags, []);
            assert.deepEqual(byName(model, 'Building in virtual environments').tags, ['inventory']);
        });
        it('keeps reference values as written: 8.30 and 5.10 stay, free text stays, unknown keys stay', () => {
            const refs = byName(model, 'Defined build process').references;
            assert.deepEqual(refs['iso27001-2022'], ['8.30', '5.10', '8.32']);
            assert.deepEqual(refs['iso27001-2017'], ['12.1.1', 'Not explicitly covered by ISO 27001 - too specific']);
            assert.deepEqual(refs.samm2, ['I-SB-A-1']);
            assert.deepEqual(refs.d3f, ['ApplicationConfigurationHardening']);
        });
        it('reads the remaining fields and defaults missing ones', () => {
            const a = byName(model, 'Defined build process');
            assert.equal(a.description, 'A build that runs the same way every time.');
            assert.equal(a.assessment, 'Show the pipeline definition.');
            assert.equal(a.implementationGuide, 'Start with one pipeline file.');
            assert.deepEqual(a.difficulty, { knowledge: 2, time: 3, resources: 1 });
            assert.equal(a.usefulness, 4);
            assert.equal(a.line, lineOf(text, 'Defined build process:'));
            const b = byName(model, 'Cycle start');
            assert.equal(b.description, '');
            assert.equal(b.assessment, '');
            assert.deepEqual(b.difficulty, {});
            assert.equal(b.usefulness, undefined);
            assert.deepEqual(b.references, {});
            assert.deepEqual(b.tools, []);
        });
    });
    describe('small inline models', () => {
        const head = (meta = '') => `${meta}---
Build and Deployment:
  Build:
`;
        it('reads a meta document followed by the data document', () => {
            const model = (0, loader_1.parseModel)(`${head('---\nmeta:\n  version: v4.3.1\n  released: "2026-05-19"\n  publisher: https://example.org\n')}    A:\n      uuid: 00000000-0000-4000-8000-00000000000a\n      level: 1\n`, 'inline.yaml');
            assert.deepEqual(model.meta, { version: 'v4.3.1', released: '2026-05-19', publisher: 'https://example.org' });
            assert.equal(model.format, 'v4');
        });
        it('resolves a dependsOn uuid followed by a "# name" comment', () => {
            const model = (0, loader_1.parseModel)(`${head()}    A:\n      uuid: 00000000-0000-4000-8000-00000000000a\n      level: 1\n    B:\n      uuid: 00000000-0000-4000-8000-00000000000b\n      level: 2\n      dependsOn:\n        - 00000000-0000-4000-8000-00000000000a # A\n`, 'inline.yaml');
            assert.deepEqual(model.activities.get('00000000-0000-4000-8000-00000000000b').dependsOn, ['00000000-0000-4000-8000-00000000000a']);
            assert.deepEqual(model.warnings, []);
        });
        it('resolves an alias in an unknown field against the whole document', () => {
            const model = (0, loader_1.parseModel)(`${head()}    A:\n      uuid: 00000000-0000-4000-8000-00000000000a\n      level: 1\n      note: &n shared text\n    B:\n      uuid: 00000000-0000-4000-8000-00000000000b\n      level: 1\n      note: *n\n`, 'inline.yaml');
            assert.equal(model.activities.get('00000000-0000-4000-8000-00000000000b').extra.note, 'shared text');
            assert.deepEqual(model.warnings, []);
        });
        it('drops empty documents (a stray --- before or after the data)', () => {
            const body = `Build and Deployment:\n  Build:\n    A:\n      uuid: 00000000-0000-4000-8000-00000000000a\n      level: 1\n`;
            for (const text of [`---\n${body}---\n`, `---\n---\n${body}`, `---\nmeta:\n  version: 4.3.1\n---\n${body}---\n`]) {
                const model = (0, loader_1.parseModel)(text, 'stray.yaml');
                assert.equal(model.activities.size, 1, JSON.stringify(text));
            }
        });
        it('resolves a suffixed uuid exactly and does not fall back to its prefix', () => {
            const model = (0, loader_1.parseModel)(`${head()}    Base:\n      uuid: 00000000-0000-4000-8000-00000000000a\n      level: 1\n` +
                `    Medium:\n      uuid: 00000000-0000-4000-8000-00000000000a-medium\n      level: 2\n` +
                `    Advanced:\n      uuid: 00000000-0000-4000-8000-00000000000a-advanced\n      level: 3\n      dependsOn:\n        - 00000000-0000-4000-8000-00000000000a-medium # Medium\n        - uuid:00000000-0000-4000-8000-00000000000a-missing\n`, 'suffix.yaml');
            assert.deepEqual(model.activities.get('00000000-0000-4000-8000-00000000000a-advanced').dependsOn, ['00000000-0000-4000-8000-00000000000a-medium']);
            assert.equal(model.warnings.length, 1);
            assert.match(model.warnings[0].message, /"Advanced" depends on unknown activity "uuid:00000000-0000-4000-8000-00000000000a-missing"/);
        });
        it('refuses a duplicate key with its line', () => {
            const e = modelError(() => (0, loader_1.parseModel)(`${head()}    A:\n      uuid: 00000000-0000-4000-8000-00000000000a\n      level: 1\n    A:\n      uuid: 00000000-0000-4000-8000-00000000000b\n      level: 1\n`, 'dup.yaml'));
            assert.equal(e.file, 'dup.yaml');
            assert.equal(e.line, 7);
            assert.match(e.message, /^dup\.yaml:7(:\d+)?: not valid YAML: .*unique/);
        });
    });
    describe('broken files', () => {
        it('reports invalid YAML (the 1.x wrapped-comment bug) as a ModelError with the 1-based line', () => {
            const file = path.join(BROKEN, 'wrapped-comment.yaml');
            const line = lineOf((0, node_fs_1.readFileSync)(file, 'utf8'), 'generator wrapped');
            const e = modelError(() => load(file));
            assert.equal(e.name, 'ModelError');
            assert.equal(e.file, file);
            assert.equal(e.line, line);
            assert.ok(e.message.startsWith(`${file}:${line}:`), e.message);
            assert.match(e.message, /not valid YAML/);
            assert.doesNotMatch(e.message, /\n/, 'one line, no code frame');
        });
        it('refuses three data documents', () => {
            const file = path.join(BROKEN, 'three-documents.yaml');
            const e = modelError(() => load(file));
            assert.equal(e.message, `${file}: expected one data document, found 3`);
        });
        it('refuses an empty file, and one with only comments', () => {
            const file = path.join(BROKEN, 'empty.yaml');
            const e = modelError(() => load(file));
            assert.ok(e.message.startsWith(`${file}: `), e.message);
            assert.match(e.message, /no activities/);
            assert.match(modelError(() => (0, loader_1.parseModel)('# nothing here\n---\n', 'comments.yaml')).message, /^comments\.yaml: no activities/);
            assert.match(modelError(() => (0, loader_1.parseModel)('---\n---\n\n', 'dashes.yaml')).message, /^dashes\.yaml: no activities/);
        });
        it('refuses a YAML list instead of a map, naming the line', () => {
            const file = path.join(BROKEN, 'list.yaml');
            const e = modelError(() => load(file));
            assert.equal(e.line, lineOf((0, node_fs_1.readFileSync)(file, 'utf8'), '- Build and Deployment'));
            assert.equal(e.message, `${file}:${e.line}: the model must be a map of dimensions`);
        });
        it('refuses a file whose activities all lack uuids, saying why and where', () => {
            const file = path.join(BROKEN, 'no-uuids.yaml');
            const e = modelError(() => load(file));
            assert.equal(e.line, lineOf((0, node_fs_1.readFileSync)(file, 'utf8'), 'Defined build process:'));
            assert.ok(e.message.startsWith(`${file}:${e.line}: `), e.message);
            assert.match(e.message, /no uuid/);
        });
        // The times of this and the next: `npm run bench -- --only bounds`.
        it('does not expand a billion-laughs file: it warns', () => {
            const file = path.join(BROKEN, 'billion-laughs.yaml');
            let model;
            try {
                model = load(file);
            }
            catch (e) {
                assert.ok(e instanceof loader_1.ModelError, String(e));
            }
            if (model) {
                assert.ok(model.warnings.some((w) => /alias/i.test(w.message) && /laughs/.test(w.message)), JSON.stringify(model.warnings));
                const a = [...model.activities.values()][0];
                assert.equal(a.extra.laughs, undefined, 'the bomb is not kept');
                assert.equal(a.measure, '');
                assert.deepEqual(a.dependsOn, []);
                assert.ok(JSON.stringify(a).length < 100_000, 'nothing was expanded');
            }
        });
        it(`refuses a file with more than ${loader_1.MAX_ALIASES} aliases, naming the line`, () => {
            const e = modelError(() => (0, loader_1.parseModel)((0, timeBoundCases_1.manyAliasesModel)(), 'aliases.yaml'));
            assert.equal(e.line, 8 + loader_1.MAX_ALIASES);
            assert.match(e.message, /^aliases\.yaml:\d+: more than \d+ YAML aliases/);
        });
        it('counts the aliases of the meta document too', () => {
            let text = '---\nmeta:\n  version: &v 4.3.1\n  notes:\n';
            for (let i = 0; i <= loader_1.MAX_ALIASES; i++)
                text += '    - *v\n';
            text += '---\nBuild and Deployment:\n  Build:\n    A:\n      uuid: 00000000-0000-4000-8000-00000000000a\n      level: 1\n';
            const e = modelError(() => (0, loader_1.parseModel)(text, 'meta-aliases.yaml'));
            assert.equal(e.line, 5 + loader_1.MAX_ALIASES);
            assert.match(e.message, /more than \d+ YAML aliases/);
        });
        it('refuses tab indentation with the line', () => {
            const file = path.join(BROKEN, 'tabs.yaml');
            const e = modelError(() => load(file));
            assert.equal(e.line, 2);
            assert.ok(e.message.startsWith(`${file}:2:`), e.message);
            assert.match(e.message, /[Tt]ab/);
        });
    });
});
//# sourceMappingURL=model-loader.test.js.map