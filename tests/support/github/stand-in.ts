/**
 * A stand-in for GitHub, enough for Decap CMS's GitHub backend with the editorial workflow and
 * for our OAuth handler (lib/cms/oauth.ts): two origins, as on github.com.
 *
 * - github.com: /login/oauth/authorize, which consents at once and sends the browser back with
 *   a code (or, when told to, with GitHub's access_denied or a forged state), and
 *   /login/oauth/access_token, which trades a code for a token once; also what Decap loads from
 *   GitHub's status page and avatar host.
 * - REST API (api.github.com): the user, the repository with its permissions, refs, trees,
 *   blobs, commits, compare, pull requests with labels and merge, commit statuses and check
 *   runs, over a real bare repository (./git.ts). Every push and every pull request runs the
 *   content check on its head, as .github/workflows/content.yml does, as a check run named like
 *   the workflow's job; branch protection on the default branch requires it, as the README says
 *   to set it up: a merge whose check is not green is refused with GitHub's 405, and the branch
 *   takes no direct pushes.
 *
 * Unknown routes answer 404 and are listed in `unknown`, so a test notices when Decap starts
 * asking for something the stand-in does not model.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { runContentCheck, type Annotation } from './content-check';
import type { Git, Person } from './git';

export type StandInOptions = {
  git: Git;
  /** owner/name, as the editor's configuration names it. */
  repo: string;
  /** Where the content check finds node_modules. */
  projectDir: string;
  /** The check that branch protection requires on the default branch. */
  requiredCheck: string;
  clientId: string;
  clientSecret: string;
  defaultBranch?: string;
  oauthPort?: number;
  apiPort?: number;
};

type Json = Record<string, unknown> | unknown[];
type Reply = { status: number; body?: Json | Buffer; headers?: Record<string, string> };
type Request = {
  method: string;
  groups: Record<string, string>;
  query: URLSearchParams;
  body: Record<string, unknown>;
  headers: http.IncomingHttpHeaders;
};
type Handler = (request: Request) => Reply | Promise<Reply>;

type Pull = {
  number: number;
  title: string;
  body: string;
  head: string;
  headSha: string;
  base: string;
  state: 'open' | 'closed';
  mergedAt: string | null;
  labels: string[];
  createdAt: string;
  updatedAt: string;
};

type CheckRun = {
  id: number;
  name: string;
  headSha: string;
  status: 'in_progress' | 'completed';
  conclusion: 'success' | 'failure' | null;
  annotations: Annotation[];
};

const user = {
  login: 'editor',
  id: 1001,
  name: 'Erika Editor',
  email: 'editor@example.org',
  avatar_url: 'https://avatars.githubusercontent.com/u/1001?v=4',
  type: 'User',
};

// A 1×1 picture in the brand's teal.
const avatar = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGPgTUoDAAFVANbSHT90AAAAAElFTkSuQmCC',
  'base64',
);

const fail = (status: number, message: string): Reply => ({
  status,
  body: { message, documentation_url: 'https://docs.github.com/rest' },
});
const notFound = () => fail(404, 'Not Found');
const ok = (body: Json, status = 200): Reply => ({ status, body });
const now = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z');

export class GitHubStandIn {
  readonly git: Git;
  readonly repo: string;
  readonly defaultBranch: string;
  /** Every request the API answered: method, path and status. */
  readonly requests: { method: string; path: string; status: number }[] = [];
  /** Requests no route knew. */
  readonly unknown: string[] = [];
  /** How the next logins go at GitHub: refused by the user, or sent back with another state. */
  readonly login = { deny: false, forgeState: false };
  readonly pulls: Pull[] = [];
  readonly checkRuns: CheckRun[] = [];
  oauthUrl = '';
  apiUrl = '';

  private readonly options: StandInOptions;
  private readonly codes = new Map<string, string>();
  private readonly tokens = new Set<string>();
  private readonly running = new Set<Promise<void>>();
  private readonly servers: http.Server[] = [];

  constructor(options: StandInOptions) {
    this.options = options;
    this.git = options.git;
    this.repo = options.repo;
    this.defaultBranch = options.defaultBranch ?? 'main';
  }

  async start() {
    const oauth = await this.listen(this.publicRoutes(), this.options.oauthPort ?? 0, false);
    const api = await this.listen(this.apiRoutes(), this.options.apiPort ?? 0, true);
    this.oauthUrl = `http://127.0.0.1:${oauth}`;
    this.apiUrl = `http://127.0.0.1:${api}`;
    return this;
  }

  async close() {
    await this.checksDone();
    await Promise.all(
      this.servers.map((server) => new Promise((resolve) => server.close(resolve))),
    );
  }

  /** Resolves when every content check started so far has finished. */
  async checksDone() {
    while (this.running.size > 0) await Promise.all(this.running);
  }

  /** A token as the OAuth flow hands one out, for tests that talk to the API directly. */
  issueToken() {
    const token = `gho_${randomBytes(18).toString('base64url')}`;
    this.tokens.add(token);
    return token;
  }

  // ---- the two origins ----------------------------------------------------------------------

  /**
   * GitHub's public pages: the OAuth login, the status page Decap asks about outages
   * (www.githubstatus.com) and the editors' avatars (avatars.githubusercontent.com).
   */
  private publicRoutes(): [string, RegExp, Handler][] {
    return [
      ['GET', /^\/login\/oauth\/authorize$/, (r) => this.authorize(r)],
      ['POST', /^\/login\/oauth\/access_token$/, (r) => this.accessToken(r)],
      ['GET', /^\/api\/v2\/components\.json$/, () => this.statusPage()],
      [
        'GET',
        /^\/u\/\d+$/,
        () => ({ status: 200, body: avatar, headers: { 'Content-Type': 'image/png' } }),
      ],
    ];
  }

  private apiRoutes(): [string, RegExp, Handler][] {
    const repo = `^/repos/${this.repo}`;
    const route = (method: string, pattern: string, handler: Handler) =>
      [method, new RegExp(pattern.replace(/^\/repo/, repo)), handler] as [string, RegExp, Handler];
    return [
      ['GET', /^\/user$/, () => ok(user)],
      [
        'GET',
        /^\/users\/(?<login>[^/]+)$/,
        (r) => (r.groups.login === user.login ? ok(user) : notFound()),
      ],
      // Decap looks for its notes' issues when it publishes; this repository has no issues.
      [
        'GET',
        /^\/search\/issues$/,
        () => ok({ total_count: 0, incomplete_results: false, items: [] }),
      ],
      route('GET', '/repo$', () => ok(this.repository())),
      route('GET', '/repo/branches/(?<branch>.+)$', (r) => this.getBranch(r)),
      route('GET', '/repo/git/refs/(?<ref>.+)$', (r) => this.getRef(r)),
      route('POST', '/repo/git/refs$', (r) => this.createRef(r)),
      route('PATCH', '/repo/git/refs/(?<ref>.+)$', (r) => this.updateRef(r)),
      route('DELETE', '/repo/git/refs/(?<ref>.+)$', (r) => this.deleteRef(r)),
      route('GET', '/repo/git/blobs/(?<sha>\\w+)$', (r) => this.getBlob(r)),
      route('POST', '/repo/git/blobs$', (r) => this.createBlob(r)),
      route('GET', '/repo/git/trees/(?<tree>.+)$', (r) => this.getTree(r)),
      route('POST', '/repo/git/trees$', (r) => this.createTree(r)),
      route('POST', '/repo/git/commits$', (r) => this.createCommit(r)),
      route('GET', '/repo/commits$', (r) => this.listCommits(r)),
      route('GET', '/repo/commits/(?<ref>.+)/status$', (r) => this.combinedStatus(r)),
      route('GET', '/repo/commits/(?<ref>.+)/check-runs$', (r) => this.listCheckRuns(r)),
      route('GET', '/repo/check-runs/(?<id>\\d+)/annotations$', (r) => this.annotations(r)),
      route('GET', '/repo/compare/(?<base>.+?)\\.\\.\\.(?<head>.+)$', (r) => this.compare(r)),
      route('GET', '/repo/contents/(?<path>.+)$', (r) => this.contents(r)),
      route('GET', '/repo/pulls$', (r) => this.listPulls(r)),
      route('POST', '/repo/pulls$', (r) => this.createPull(r)),
      route('GET', '/repo/pulls/(?<number>\\d+)$', (r) =>
        this.withPull(r, (p) => ok(this.pullJson(p))),
      ),
      route('PATCH', '/repo/pulls/(?<number>\\d+)$', (r) =>
        this.withPull(r, (p) => this.updatePull(p, r)),
      ),
      route('GET', '/repo/pulls/(?<number>\\d+)/commits$', (r) =>
        this.withPull(r, (p) => this.pullCommits(p)),
      ),
      route('PUT', '/repo/pulls/(?<number>\\d+)/merge$', (r) =>
        this.withPull(r, (p) => this.merge(p, r)),
      ),
      route('PUT', '/repo/issues/(?<number>\\d+)/labels$', (r) =>
        this.withPull(r, (p) => this.setLabels(p, r)),
      ),
    ];
  }

  private listen(routes: [string, RegExp, Handler][], port: number, needsToken: boolean) {
    const server = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        void this.answer(routes, request, body, needsToken).then((reply) => {
          const data =
            reply.body === undefined
              ? undefined
              : Buffer.isBuffer(reply.body)
                ? reply.body
                : JSON.stringify(reply.body);
          response.writeHead(reply.status, {
            // GitHub's API answers every origin; the token is what it checks.
            'Access-Control-Allow-Origin': '*',
            'Access-Control-Allow-Headers': 'Authorization, Content-Type, If-None-Match',
            'Access-Control-Allow-Methods': 'GET, POST, PATCH, PUT, DELETE',
            'Access-Control-Expose-Headers': 'ETag, Link, Location, X-RateLimit-Reset',
            ...(data !== undefined &&
              !Buffer.isBuffer(reply.body) && {
                'Content-Type': 'application/json; charset=utf-8',
              }),
            ...reply.headers,
          });
          response.end(data);
        });
      });
    });
    this.servers.push(server);
    return new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
    });
  }

  private async answer(
    routes: [string, RegExp, Handler][],
    request: http.IncomingMessage,
    body: string,
    needsToken: boolean,
  ) {
    const url = new URL(request.url ?? '/', 'http://stand-in');
    const method = request.method ?? 'GET';
    if (method === 'OPTIONS') return { status: 204 };
    const match = routes
      .map(([m, pattern, handler]) => ({ m, handler, found: pattern.exec(url.pathname) }))
      .find(({ m, found }) => m === method && found);
    let reply: Reply;
    if (!match) {
      this.unknown.push(`${method} ${url.pathname}${url.search}`);
      reply = notFound();
    } else if (needsToken && !this.authorized(request)) {
      reply = fail(
        401,
        request.headers.authorization ? 'Bad credentials' : 'Requires authentication',
      );
    } else {
      const groups = Object.fromEntries(
        Object.entries(match.found!.groups ?? {}).map(([key, value]) => [
          key,
          decodeURIComponent(value),
        ]),
      );
      try {
        reply = await match.handler({
          method,
          groups,
          query: url.searchParams,
          body: parseBody(body, request.headers['content-type']),
          headers: request.headers,
        });
      } catch (error) {
        reply = fail(500, String(error));
      }
    }
    this.requests.push({ method, path: url.pathname + url.search, status: reply.status });
    return reply;
  }

  private authorized(request: http.IncomingMessage) {
    const [, token] = /^(?:token|bearer) (\S+)$/i.exec(request.headers.authorization ?? '') ?? [];
    return token !== undefined && this.tokens.has(token);
  }

  // ---- OAuth ---------------------------------------------------------------------------------

  private authorize({ query }: Request): Reply {
    const back = new URL(query.get('redirect_uri') ?? '');
    if (query.get('client_id') !== this.options.clientId) return fail(404, 'Not Found');
    const state = this.login.forgeState ? 'forged-state' : (query.get('state') ?? '');
    if (this.login.deny) {
      back.search = new URLSearchParams({
        error: 'access_denied',
        error_description: 'The user has denied your application access.',
        error_uri:
          'https://docs.github.com/apps/troubleshooting-authorization-request-errors/#access-denied',
        state,
      }).toString();
    } else {
      const code = randomBytes(10).toString('hex');
      this.codes.set(code, back.origin + back.pathname);
      back.search = new URLSearchParams({ code, state }).toString();
    }
    return { status: 302, headers: { Location: back.href } };
  }

  private accessToken({ body }: Request): Reply {
    const known = typeof body.code === 'string' && this.codes.has(body.code);
    if (
      body.client_id !== this.options.clientId ||
      body.client_secret !== this.options.clientSecret
    ) {
      return ok({ error: 'incorrect_client_credentials' });
    }
    if (!known) {
      return ok({
        error: 'bad_verification_code',
        error_description: 'The code passed is incorrect or expired.',
      });
    }
    const redirect = this.codes.get(body.code as string);
    this.codes.delete(body.code as string);
    if (body.redirect_uri !== undefined && body.redirect_uri !== redirect) {
      return ok({ error: 'redirect_uri_mismatch' });
    }
    return ok({ access_token: this.issueToken(), token_type: 'bearer', scope: 'repo' });
  }

  // ---- repository, refs, objects --------------------------------------------------------------

  private statusPage(): Reply {
    const names = ['Git Operations', 'API Requests', 'Issues, Pull Requests, Projects'];
    return ok({
      components: names.map((name, id) => ({ id: String(id), name, status: 'operational' })),
    });
  }

  private repository() {
    const [owner, name] = this.repo.split('/');
    return {
      id: 42,
      name,
      full_name: this.repo,
      owner: { login: owner, type: 'Organization' },
      private: true,
      fork: false,
      default_branch: this.defaultBranch,
      html_url: `https://github.com/${this.repo}`,
      permissions: { admin: false, maintain: false, push: true, triage: true, pull: true },
    };
  }

  private getBranch({ groups }: Request): Reply {
    const sha = this.git.branch(groups.branch!);
    if (!sha) return fail(404, 'Branch not found');
    return ok({
      name: groups.branch,
      commit: this.commitJson(sha),
      protected: groups.branch === this.defaultBranch,
    });
  }

  private getRef({ groups }: Request): Reply {
    const ref = `refs/${groups.ref}`;
    const found = this.git.refs(ref).filter((r) => r.ref === ref || r.ref.startsWith(`${ref}/`));
    const json = (r: { ref: string; sha: string }) => ({
      ref: r.ref,
      object: { sha: r.sha, type: 'commit' },
    });
    const exact = found.find((r) => r.ref === ref);
    if (exact) return ok(json(exact));
    return found.length > 0 ? ok(found.map(json)) : notFound();
  }

  private createRef({ body }: Request): Reply {
    const ref = String(body.ref ?? '');
    const sha = String(body.sha ?? '');
    if (!/^refs\/heads\/.+/.test(ref)) return fail(422, 'Reference name is not valid');
    if (!this.git.resolve(sha)) return fail(422, 'Object does not exist');
    if (this.git.resolve(ref)) return fail(422, 'Reference already exists');
    this.git.updateRef(ref, sha, '0'.repeat(40));
    this.pushed(sha);
    return ok({ ref, object: { sha, type: 'commit' } }, 201);
  }

  private updateRef({ groups, body }: Request): Reply {
    const ref = `refs/${groups.ref}`;
    const branch = groups.ref!.replace(/^heads\//, '');
    const current = this.git.resolve(ref);
    const sha = String(body.sha ?? '');
    if (!current) return fail(422, 'Reference does not exist');
    if (!this.git.resolve(sha)) return fail(422, 'Object does not exist');
    if (branch === this.defaultBranch) return fail(422, this.protectionRefusal(sha, true));
    if (!body.force && !this.git.isAncestor(current, sha)) {
      return fail(422, 'Update is not a fast forward');
    }
    this.git.updateRef(ref, sha, current);
    this.pushed(sha);
    for (const pull of this.openPulls(branch)) this.touch(pull, sha);
    return ok({ ref, object: { sha, type: 'commit' } });
  }

  private deleteRef({ groups }: Request): Reply {
    const ref = `refs/${groups.ref}`;
    const branch = groups.ref!.replace(/^heads\//, '');
    if (!this.git.resolve(ref)) return fail(422, 'Reference does not exist');
    if (branch === this.defaultBranch) return fail(422, 'Cannot delete this protected branch');
    this.git.deleteRef(ref);
    // GitHub closes the open pull requests of a branch that is deleted.
    for (const pull of this.openPulls(branch))
      Object.assign(pull, { state: 'closed', updatedAt: now() });
    return { status: 204 };
  }

  private getBlob({ groups }: Request): Reply {
    if (!this.git.resolve(groups.sha!, 'blob')) return notFound();
    const content = this.git.readBlob(groups.sha!);
    return ok({
      sha: groups.sha,
      size: content.length,
      encoding: 'base64',
      content: content.toString('base64').replace(/.{60}/g, '$&\n'),
    });
  }

  private createBlob({ body }: Request): Reply {
    const encoding = body.encoding === 'base64' ? 'base64' : 'utf8';
    const sha = this.git.writeBlob(Buffer.from(String(body.content ?? ''), encoding));
    return ok({ sha, url: `${this.apiUrl}/repos/${this.repo}/git/blobs/${sha}` }, 201);
  }

  private getTree({ groups, query }: Request): Reply {
    const sha = this.git.resolve(groups.tree!, 'tree');
    if (!sha) return notFound();
    const tree = this.git.listTree(sha, query.get('recursive') !== null);
    return ok({ sha, tree, truncated: false });
  }

  private createTree({ body }: Request): Reply {
    const base = body.base_tree ? this.git.resolve(String(body.base_tree), 'tree') : undefined;
    if (body.base_tree && !base) return fail(422, 'Invalid tree info');
    const entries = (
      body.tree as { path: string; mode: string; sha?: string | null; content?: string }[]
    ).map((entry) => ({
      path: entry.path,
      mode: entry.mode,
      sha:
        entry.content !== undefined
          ? this.git.writeBlob(Buffer.from(entry.content))
          : (entry.sha ?? null),
    }));
    const sha = this.git.writeTree(base, entries);
    return ok({ sha, tree: this.git.listTree(sha, false), truncated: false }, 201);
  }

  private createCommit({ body }: Request): Reply {
    const tree = this.git.resolve(String(body.tree), 'tree');
    const parents = (body.parents as string[] | undefined) ?? [];
    if (!tree || parents.some((parent) => !this.git.resolve(parent))) {
      return fail(422, 'Tree SHA does not exist');
    }
    const author = (body.author as Person | undefined) ?? { name: user.name, email: user.email };
    const committer = (body.committer as Person | undefined) ?? author;
    const sha = this.git.writeCommit(tree, parents, String(body.message ?? ''), author, committer);
    return ok(this.commitJson(sha), 201);
  }

  private listCommits({ query }: Request): Reply {
    const start = this.git.resolve(query.get('sha') ?? this.defaultBranch);
    if (!start) return notFound();
    const path = query.get('path');
    const shas = this.git
      .text(['log', '--format=%H', '-n', '30', start, ...(path ? ['--', path] : [])])
      .split('\n')
      .filter(Boolean);
    return ok(shas.map((sha) => this.commitJson(sha)));
  }

  private compare({ groups }: Request): Reply {
    const resolve = (name: string) => this.git.resolve(name.replace(/^[^:/]+:/, ''));
    const base = resolve(groups.base!);
    const head = resolve(groups.head!);
    if (!base || !head) return notFound();
    const mergeBase = this.git.mergeBase(base, head);
    const ahead = this.git.commitsBetween(base, head);
    const behind = this.git.commitsBetween(head, base).length;
    const status =
      ahead.length && behind
        ? 'diverged'
        : ahead.length
          ? 'ahead'
          : behind
            ? 'behind'
            : 'identical';
    return ok({
      status,
      ahead_by: ahead.length,
      behind_by: behind,
      total_commits: ahead.length,
      base_commit: this.commitJson(base),
      merge_base_commit: this.commitJson(mergeBase),
      commits: ahead.map((sha) => this.commitJson(sha)),
      files: this.git.changes(mergeBase, head).map((change) => ({
        ...change,
        additions: (change.patch.match(/^\+/gm) ?? []).length,
        deletions: (change.patch.match(/^-/gm) ?? []).length,
      })),
    });
  }

  private contents({ groups, query, headers }: Request): Reply {
    const ref = query.get('ref') ?? this.defaultBranch;
    const sha = this.git.resolve(`${ref}:${groups.path}`, 'blob');
    if (!sha) return notFound();
    const content = this.git.readBlob(sha);
    if (String(headers.accept).includes('raw')) {
      return {
        status: 200,
        body: content,
        headers: { 'Content-Type': 'text/plain; charset=utf-8' },
      };
    }
    const name = groups.path!.split('/').pop();
    return ok({
      type: 'file',
      name,
      path: groups.path,
      sha,
      size: content.length,
      encoding: 'base64',
      content: content.toString('base64'),
    });
  }

  // ---- pull requests, labels, merge -----------------------------------------------------------

  private listPulls({ query }: Request): Reply {
    const state = query.get('state') ?? 'open';
    const head = query.get('head')?.replace(/^[^:]+:/, '');
    const base = query.get('base');
    const found = this.pulls
      .filter((pull) => state === 'all' || pull.state === state)
      .filter((pull) => !head || pull.head === head)
      .filter((pull) => !base || pull.base === base)
      .sort((a, b) => b.number - a.number);
    return ok(found.map((pull) => this.pullJson(pull)));
  }

  private createPull({ body }: Request): Reply {
    const head = String(body.head ?? '').replace(/^[^:]+:/, '');
    const base = String(body.base ?? this.defaultBranch);
    const headSha = this.git.branch(head);
    if (!headSha || !this.git.branch(base)) return fail(422, 'Validation Failed');
    if (this.openPulls(head).length > 0) {
      return fail(422, `A pull request already exists for ${this.owner}:${head}.`);
    }
    const time = now();
    const pull: Pull = {
      number: this.pulls.length + 1,
      title: String(body.title ?? head),
      body: String(body.body ?? ''),
      head,
      headSha,
      base,
      state: 'open',
      mergedAt: null,
      labels: [],
      createdAt: time,
      updatedAt: time,
    };
    this.pulls.push(pull);
    this.pushed(headSha);
    return ok(this.pullJson(pull), 201);
  }

  private withPull(request: Request, handle: (pull: Pull) => Reply): Reply {
    const pull = this.pulls.find((p) => p.number === Number(request.groups.number));
    return pull ? handle(pull) : notFound();
  }

  private updatePull(pull: Pull, { body }: Request): Reply {
    if (body.state === 'open' && !this.git.branch(pull.head)) return fail(422, 'Validation Failed');
    if (body.state === 'open' || body.state === 'closed') pull.state = body.state;
    if (typeof body.title === 'string') pull.title = body.title;
    pull.updatedAt = now();
    return ok(this.pullJson(pull));
  }

  private pullCommits(pull: Pull): Reply {
    const base = this.git.branch(pull.base)!;
    return ok(this.git.commitsBetween(base, pull.headSha).map((sha) => this.commitJson(sha)));
  }

  private setLabels(pull: Pull, { body }: Request): Reply {
    pull.labels = ((body.labels as string[] | undefined) ?? []).map(String);
    pull.updatedAt = now();
    return ok(pull.labels.map((name) => ({ name })));
  }

  /** PUT …/merge: refused as branch protection refuses it, else squashed (or merged) onto base. */
  private merge(pull: Pull, { body }: Request): Reply {
    if (pull.state !== 'open') return fail(405, 'Pull Request is not mergeable');
    if (body.sha && body.sha !== pull.headSha) {
      return fail(409, 'Head branch was modified. Review and try the merge again.');
    }
    const refusal = pull.base === this.defaultBranch && this.protectionRefusal(pull.headSha, false);
    if (refusal) return fail(405, refusal);
    const baseSha = this.git.branch(pull.base)!;
    const tree = this.git.mergeTrees(baseSha, pull.headSha);
    if (!tree) return fail(405, 'Pull Request is not mergeable');
    const squash = body.merge_method === 'squash';
    const title = String(
      body.commit_title ??
        (squash
          ? `${pull.title} (#${pull.number})`
          : `Merge pull request #${pull.number} from ${this.owner}/${pull.head}`),
    );
    const message = body.commit_message ? `${title}\n\n${String(body.commit_message)}` : title;
    const github = { name: 'GitHub', email: 'noreply@github.com' };
    const sha = this.git.writeCommit(
      tree,
      squash ? [baseSha] : [baseSha, pull.headSha],
      message,
      { name: user.name, email: user.email },
      github,
    );
    this.git.updateRef(`refs/heads/${pull.base}`, sha, baseSha);
    Object.assign(pull, { state: 'closed', mergedAt: now(), updatedAt: now() });
    this.pushed(sha);
    return ok({ sha, merged: true, message: 'Pull Request successfully merged' });
  }

  /**
   * Why branch protection refuses `sha` on the default branch, or '' when it does not. Direct
   * pushes are refused outright ("Require a pull request before merging").
   */
  private protectionRefusal(sha: string, direct: boolean): string {
    if (direct) return 'Changes must be made through a pull request.';
    const name = this.options.requiredCheck;
    const run = this.checkRunsOf(sha).find((check) => check.name === name);
    if (!run || run.status !== 'completed') return `Required status check "${name}" is expected.`;
    if (run.conclusion !== 'success') return `Required status check "${name}" is failing.`;
    return '';
  }

  // ---- statuses and check runs ----------------------------------------------------------------

  /** The workflow runs on every push and pull request: once per commit here. */
  private pushed(sha: string) {
    if (this.checkRunsOf(sha).length > 0) return;
    const run: CheckRun = {
      id: this.checkRuns.length + 1,
      name: this.options.requiredCheck,
      headSha: sha,
      status: 'in_progress',
      conclusion: null,
      annotations: [],
    };
    this.checkRuns.push(run);
    const done = runContentCheck(this.git, sha, this.options.projectDir).then(
      ({ passed, annotations }) => {
        Object.assign(run, {
          status: 'completed',
          conclusion: passed ? 'success' : 'failure',
          annotations,
        });
      },
      () => {
        Object.assign(run, { status: 'completed', conclusion: 'failure' });
      },
    );
    this.running.add(done);
    void done.finally(() => this.running.delete(done));
  }

  checkRunsOf(sha: string) {
    return this.checkRuns.filter((run) => run.headSha === sha);
  }

  private combinedStatus({ groups }: Request): Reply {
    const sha = this.git.resolve(groups.ref!);
    if (!sha) return notFound();
    // Actions reports check runs, not commit statuses: the combined status stays empty.
    return ok({ state: 'pending', sha, total_count: 0, statuses: [] });
  }

  private listCheckRuns({ groups }: Request): Reply {
    const sha = this.git.resolve(groups.ref!);
    if (!sha) return notFound();
    const runs = this.checkRunsOf(sha).map((run) => ({
      id: run.id,
      name: run.name,
      head_sha: run.headSha,
      status: run.status,
      conclusion: run.conclusion,
      html_url: `https://github.com/${this.repo}/runs/${run.id}`,
      app: { slug: 'github-actions' },
      output: {
        title: run.conclusion === 'failure' ? `${run.annotations.length} errors` : null,
        summary: null,
        annotations_count: run.annotations.length,
      },
    }));
    return ok({ total_count: runs.length, check_runs: runs });
  }

  private annotations({ groups }: Request): Reply {
    const run = this.checkRuns.find((r) => r.id === Number(groups.id));
    return run ? ok(run.annotations) : notFound();
  }

  // ---- JSON as GitHub writes it ---------------------------------------------------------------

  private get owner() {
    return this.repo.split('/')[0]!;
  }

  private openPulls(branch: string) {
    return this.pulls.filter((pull) => pull.state === 'open' && pull.head === branch);
  }

  private touch(pull: Pull, sha: string) {
    Object.assign(pull, { headSha: sha, updatedAt: now() });
  }

  private commitJson(sha: string) {
    const commit = this.git.readCommit(sha);
    return {
      sha,
      html_url: `https://github.com/${this.repo}/commit/${sha}`,
      commit: {
        message: commit.message,
        author: commit.author,
        committer: commit.committer,
        tree: { sha: commit.tree },
      },
      author: commit.author,
      committer: commit.committer,
      message: commit.message,
      tree: { sha: commit.tree },
      parents: commit.parents.map((parent) => ({ sha: parent })),
    };
  }

  private pullJson(pull: Pull) {
    const repository = this.repository();
    const baseSha = this.git.branch(pull.base);
    const refusal = pull.state === 'open' && this.protectionRefusal(pull.headSha, false);
    return {
      id: 9000 + pull.number,
      number: pull.number,
      state: pull.state,
      title: pull.title,
      body: pull.body,
      user: { login: user.login },
      labels: pull.labels.map((name) => ({ name })),
      head: {
        ref: pull.head,
        sha: pull.headSha,
        label: `${this.owner}:${pull.head}`,
        repo: repository,
      },
      base: { ref: pull.base, sha: baseSha, label: `${this.owner}:${pull.base}`, repo: repository },
      merged: pull.mergedAt !== null,
      merged_at: pull.mergedAt,
      mergeable_state: pull.state !== 'open' ? 'unknown' : refusal ? 'blocked' : 'clean',
      html_url: `https://github.com/${this.repo}/pull/${pull.number}`,
      created_at: pull.createdAt,
      updated_at: pull.updatedAt,
    };
  }
}

function parseBody(text: string, type: string | undefined): Record<string, unknown> {
  if (!text) return {};
  if (type?.includes('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(text));
  }
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return {};
  }
}
