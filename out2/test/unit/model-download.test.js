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
// downloadOfficialModel against a local HTTP server (127.0.0.1, a free port) with Node's global
// fetch, plus fetch stubs for what a real server makes expensive (a body over the size limit).
const assert = __importStar(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const http = __importStar(require("node:http"));
const path = __importStar(require("node:path"));
const download_1 = require("../../src/core/model/download");
const loader_1 = require("../../src/core/model/loader");
const ROOT = path.resolve(__dirname, '../../..');
const BUNDLED_TEXT = (0, node_fs_1.readFileSync)(path.join(ROOT, 'model/dsomm-model.yaml'), 'utf8');
const BROKEN_TEXT = (0, node_fs_1.readFileSync)(path.join(ROOT, 'test/fixtures/models/broken/wrapped-comment.yaml'), 'utf8');
const BROKEN_LINE = BROKEN_TEXT.split('\n').findIndex((l) => l.includes('generator wrapped')) + 1;
const nodeFetch = globalThis.fetch;
function send(status, body, type = 'text/plain') {
    return (_req, res) => {
        res.writeHead(status, { 'Content-Type': type });
        res.end(body);
    };
}
const json = (value) => send(200, JSON.stringify(value), 'application/json');
/** Rejects with the error `promise` rejects with (fails when it resolves). */
async function rejection(promise) {
    try {
        await promise;
    }
    catch (e) {
        return e;
    }
    assert.fail('expected the download to fail');
}
describe('downloadOfficialModel', function () {
    let server;
    let base;
    let routes;
    let seen;
    let apiUrl;
    let template;
    before(async () => {
        server = http.createServer((req, res) => {
            seen.push({ url: req.url ?? '', headers: req.headers });
            const handler = routes.get((req.url ?? '').split('?')[0]);
            if (handler)
                handler(req, res);
            else
                send(404, 'not found')(req, res);
        });
        await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
        base = `http://127.0.0.1:${server.address().port}`;
    });
    after(async () => {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
    });
    beforeEach(() => {
        seen = [];
        apiUrl = `${base}/repos/dsomm/data/releases/latest`;
        template = `${base}/{tag}/generated/model.yaml`;
        routes = new Map([
            ['/repos/dsomm/data/releases/latest', json({ tag_name: 'v4.3.1', name: 'v4.3.1' })],
            ['/v4.3.1/generated/model.yaml', send(200, BUNDLED_TEXT, 'text/yaml')],
        ]);
    });
    it('asks for the latest release, downloads its model and parses it', async () => {
        const result = await (0, download_1.downloadOfficialModel)(nodeFetch, apiUrl, template);
        assert.equal(result.tag, 'v4.3.1');
        assert.equal(result.url, `${base}/v4.3.1/generated/model.yaml`);
        assert.equal(result.text, BUNDLED_TEXT);
        assert.equal(result.model.activities.size, 194);
        assert.equal(result.model.source, result.url);
        assert.equal(result.model.meta.version, '4.3.1');
        assert.deepEqual(result.model.warnings, []);
        assert.deepEqual(seen.map((s) => s.url), ['/repos/dsomm/data/releases/latest', '/v4.3.1/generated/model.yaml']);
        assert.equal(seen[0].headers['user-agent'], 'dsomm-vscode');
        assert.equal(seen[0].headers.accept, 'application/vnd.github+json');
        assert.equal(seen[1].headers['user-agent'], 'dsomm-vscode');
    });
    it('replaces every {tag} in the download URL', async () => {
        routes.set('/v4.3.1/model-v4.3.1.yaml', send(200, BUNDLED_TEXT));
        const result = await (0, download_1.downloadOfficialModel)(nodeFetch, apiUrl, `${base}/{tag}/model-{tag}.yaml`);
        assert.equal(result.url, `${base}/v4.3.1/model-v4.3.1.yaml`);
        assert.equal(result.model.activities.size, 194);
    });
    it('fails when the release API answers 404, naming the URL and status', async () => {
        routes.delete('/repos/dsomm/data/releases/latest');
        const e = await rejection((0, download_1.downloadOfficialModel)(nodeFetch, apiUrl, template));
        assert.equal(e.message, `${apiUrl} answered 404 Not Found`);
        assert.equal(seen.length, 1, 'no model request after a failed release request');
    });
    it('fails when the model URL answers 404', async () => {
        routes.delete('/v4.3.1/generated/model.yaml');
        const e = await rejection((0, download_1.downloadOfficialModel)(nodeFetch, apiUrl, template));
        assert.equal(e.message, `${base}/v4.3.1/generated/model.yaml answered 404 Not Found`);
    });
    it('fails when the release information is not JSON', async () => {
        routes.set('/repos/dsomm/data/releases/latest', send(200, '<html>rate limited</html>', 'text/html'));
        const e = await rejection((0, download_1.downloadOfficialModel)(nodeFetch, apiUrl, template));
        assert.equal(e.message, `the release information from ${apiUrl} is not JSON`);
        assert.equal(seen.length, 1);
    });
    for (const [label, body] of [
        ['missing tag_name', { name: 'v4.3.1' }],
        ['a numeric tag_name', { tag_name: 431 }],
        ['an empty tag_name', { tag_name: '' }],
        ['a tag_name with a path ("../x")', { tag_name: '../x' }],
        ['a tag_name of ".."', { tag_name: '..' }],
        ['a tag_name with a slash', { tag_name: 'v4/../../secrets' }],
        ['a tag_name with a query', { tag_name: 'v4?x=1' }],
        ['a tag_name with a space', { tag_name: 'v4 .3' }],
        ['a JSON list', [{ tag_name: 'v4.3.1' }]],
        ['JSON null', null],
    ]) {
        it(`refuses ${label} and downloads nothing`, async () => {
            routes.set('/repos/dsomm/data/releases/latest', json(body));
            const e = await rejection((0, download_1.downloadOfficialModel)(nodeFetch, apiUrl, template));
            assert.equal(e.message, `the release information from ${apiUrl} has no usable tag_name`);
            assert.equal(seen.length, 1, 'only the release request was made');
        });
    }
    it('refuses a model that is not valid YAML, naming the URL and the line', async () => {
        routes.set('/v4.3.1/generated/model.yaml', send(200, BROKEN_TEXT));
        const e = await rejection((0, download_1.downloadOfficialModel)(nodeFetch, apiUrl, template));
        const url = `${base}/v4.3.1/generated/model.yaml`;
        assert.ok(e instanceof loader_1.ModelError, String(e));
        assert.equal(e.file, url);
        assert.equal(e.line, BROKEN_LINE);
        assert.ok(e.message.startsWith(`${url}:${BROKEN_LINE}:`), e.message);
        assert.match(e.message, /not valid YAML/);
    });
    it('refuses a file that is YAML but no model', async () => {
        routes.set('/v4.3.1/generated/model.yaml', send(200, '404: Not Found\n'));
        const e = await rejection((0, download_1.downloadOfficialModel)(nodeFetch, apiUrl, template));
        assert.ok(e instanceof loader_1.ModelError, String(e));
        assert.ok(e.message.startsWith(`${base}/v4.3.1/generated/model.yaml`), e.message);
    });
    it('fails clearly when the server cannot be reached', async () => {
        // A port that was free a moment ago and is closed now.
        const closed = http.createServer();
        await new Promise((resolve) => closed.listen(0, '127.0.0.1', resolve));
        const port = closed.address().port;
        await new Promise((resolve) => closed.close(resolve));
        const url = `http://127.0.0.1:${port}/releases/latest`;
        const e = await rejection((0, download_1.downloadOfficialModel)(nodeFetch, url, template));
        assert.ok(e.message.startsWith(`could not reach ${url}: `), e.message);
        assert.match(e.message, /ECONNREFUSED/);
        assert.notEqual(e.name, 'AbortError');
    });
    it(`refuses a body over MAX_MODEL_BYTES (${download_1.MAX_MODEL_BYTES} bytes; fetch stub)`, async () => {
        const urls = [];
        const stub = async (url) => {
            urls.push(url);
            const body = url === 'https://api.example/latest' ? JSON.stringify({ tag_name: 'v9.9.9' }) : 'a'.repeat(download_1.MAX_MODEL_BYTES + 1);
            return { ok: true, status: 200, statusText: 'OK', text: async () => body };
        };
        const e = await rejection((0, download_1.downloadOfficialModel)(stub, 'https://api.example/latest', 'https://raw.example/{tag}/model.yaml'));
        assert.equal(e.message, `https://raw.example/v9.9.9/model.yaml sent more than ${download_1.MAX_MODEL_BYTES / 1024 / 1024} MiB`);
        assert.deepEqual(urls, ['https://api.example/latest', 'https://raw.example/v9.9.9/model.yaml']);
    });
    it('accepts a body of exactly MAX_MODEL_BYTES as far as the size check goes (fetch stub)', async () => {
        const stub = async (url) => ({
            ok: true,
            status: 200,
            statusText: 'OK',
            text: async () => (url.endsWith('/latest') ? '{"tag_name":"v1"}' : `# ${'a'.repeat(download_1.MAX_MODEL_BYTES - 3)}\n`),
        });
        const e = await rejection((0, download_1.downloadOfficialModel)(stub, 'https://api.example/latest', 'https://raw.example/{tag}/model.yaml'));
        assert.ok(e instanceof loader_1.ModelError, 'the size check let it through to the parser');
    });
    it('stops at once with an AbortError when the signal is already aborted', async () => {
        const abort = new AbortController();
        abort.abort();
        const e = await rejection((0, download_1.downloadOfficialModel)(nodeFetch, apiUrl, template, abort.signal));
        assert.equal(e.name, 'AbortError');
        assert.equal(seen.length, 0, 'no request was sent');
    });
    it('stops with an AbortError when aborted while the model is downloading', async () => {
        let requested;
        const modelRequested = new Promise((resolve) => (requested = resolve));
        // The model request never gets an answer.
        routes.set('/v4.3.1/generated/model.yaml', () => requested());
        const abort = new AbortController();
        const download = (0, download_1.downloadOfficialModel)(nodeFetch, apiUrl, template, abort.signal);
        await modelRequested;
        abort.abort();
        // The request never gets an answer: only the abort can end the download (mocha's timeout catches a hang).
        const e = await rejection(download);
        assert.equal(e.name, 'AbortError');
        assert.match(e.message, /cancelled/);
    });
    it('stops with an AbortError when aborted while the body is read (fetch stub)', async () => {
        const abort = new AbortController();
        const stub = async (url, init) => ({
            ok: true,
            status: 200,
            statusText: 'OK',
            text: () => url.endsWith('/latest')
                ? Promise.resolve('{"tag_name":"v1"}')
                : new Promise((_resolve, reject) => {
                    init?.signal?.addEventListener('abort', () => reject(new Error('terminated')));
                    abort.abort();
                }),
        });
        const e = await rejection((0, download_1.downloadOfficialModel)(stub, 'https://api.example/latest', 'https://raw.example/{tag}/model.yaml', abort.signal));
        assert.equal(e.name, 'AbortError');
    });
});
//# sourceMappingURL=model-download.test.js.map