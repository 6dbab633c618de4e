import { createRequire as __tollgateCreateRequire } from 'node:module';
import { dirname as __tollgateDirname } from 'node:path';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
export const id = 469;
export const ids = [469];
export const modules = {

/***/ 6469:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  githubObserverFromEnv: () => (/* binding */ githubObserverFromEnv)
});

// UNUSED EXPORTS: githubDeploymentsObserver

// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js + 21 modules
var github = __webpack_require__(1758);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
var dist_bundle = __webpack_require__(9735);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var plugin_throttling_dist_bundle = __webpack_require__(6856);
;// CONCATENATED MODULE: ./build/src/github/client.js



const DEFAULT_API_URL = 'https://api.github.com';
/**
 * Where GraphQL requests go for a REST root: https://api.github.com/graphql, or
 * https://HOST/api/graphql for GitHub Enterprise Server's https://HOST/api/v3 (as Octokit's
 * graphql client does it).
 */
function graphqlEndpoint(apiUrl) {
    const root = apiUrl.replace(/\/+$/, '');
    return /\/api\/v3$/.test(root) ? root.replace(/\/api\/v3$/, '/api/graphql') : `${root}/graphql`;
}
/**
 * An Octokit for tollgate's GitHub work (the audit now, deployment statuses later):
 * `@actions/github`'s client with @octokit/plugin-retry (5xx and network errors, with growing
 * back-off) and @octokit/plugin-throttling (primary and secondary rate limits, honouring
 * Retry-After and the reset time), both bounded by `retries`.
 */
function createGitHubClient(options) {
    const retries = options.retries ?? 3;
    const msPerSecond = options.msPerSecond ?? 1000;
    const log = options.log ?? (() => undefined);
    const maxWait = options.maxWaitSeconds ?? 120;
    const onLimit = (kind) => (retryAfter, request, _octokit, retryCount) => {
        if (retryCount >= retries) {
            log(`GitHub ${kind} on ${request.method} ${request.url}: giving up after ${retries} retries`);
            return false;
        }
        if (retryAfter > maxWait) {
            log(`GitHub ${kind} on ${request.method} ${request.url}: it resets in ${retryAfter}s, longer than the ${maxWait}s tollgate waits`);
            return false;
        }
        log(`GitHub ${kind} on ${request.method} ${request.url}: retrying in ${retryAfter}s`);
        return true;
    };
    return (0,github/* getOctokit */.Q)(options.token, {
        baseUrl: (options.apiUrl ?? DEFAULT_API_URL).replace(/\/+$/, ''),
        userAgent: 'tollgate',
        retry: { retries, retryAfterBaseValue: msPerSecond },
        throttle: {
            retryAfterBaseValue: msPerSecond,
            fallbackSecondaryRateRetryAfter: 60,
            onRateLimit: onLimit('rate limit'),
            onSecondaryRateLimit: onLimit('secondary rate limit'),
        },
        log: { debug: () => undefined, info: () => undefined, warn: log, error: log },
    }, dist_bundle/* retry */.L, plugin_throttling_dist_bundle/* throttling */.A);
}
//# sourceMappingURL=client.js.map
;// CONCATENATED MODULE: ./build/src/deploy/github-deployments.js

function describe(record) {
    const text = record.state === 'succeeded'
        ? `${record.version} live on ${record.to}`
        : record.state === 'rolled-back'
            ? `rolled back to ${record.from?.version ?? 'nothing'}: ${record.error ?? ''}`
            : `stopped before the switch: ${record.error ?? ''}`;
    // GitHub limits a status description to 140 characters.
    return text.length > 140 ? `${text.slice(0, 137)}...` : text;
}
/**
 * Reports a deploy to the GitHub Deployments API: a deployment with an in_progress status when it
 * starts; success (and inactive for the deployment it replaced) or failure when it ends.
 */
function githubDeploymentsObserver(options) {
    const { client, owner, repo } = options;
    let deploymentId;
    return {
        async started(record) {
            const created = await client.rest.repos.createDeployment({
                owner,
                repo,
                ref: options.ref,
                environment: options.environment,
                auto_merge: false,
                required_contexts: [],
                description: `tollgate ${record.kind} of ${record.version} to ${record.to}`.slice(0, 140),
                payload: { tollgate: { deployId: record.id, version: record.version, color: record.to, kind: record.kind } },
            });
            if (created.status !== 201 || !('id' in created.data))
                throw new Error(`GitHub did not create the deployment (HTTP ${created.status})`);
            deploymentId = created.data.id;
            await client.rest.repos.createDeploymentStatus({
                owner,
                repo,
                deployment_id: deploymentId,
                state: 'in_progress',
                description: `deploying ${record.version} to ${record.to}`.slice(0, 140),
                ...(options.logUrl ? { log_url: options.logUrl } : {}),
            });
            options.log(`GitHub deployment ${deploymentId} (${options.environment}): in_progress`);
            return { githubDeploymentId: deploymentId };
        },
        async finished(record) {
            const id = record.githubDeploymentId ?? deploymentId;
            if (id === undefined)
                return;
            const succeeded = record.state === 'succeeded';
            await client.rest.repos.createDeploymentStatus({
                owner,
                repo,
                deployment_id: id,
                state: succeeded ? 'success' : 'failure',
                description: describe(record),
                auto_inactive: false,
                ...(options.logUrl ? { log_url: options.logUrl } : {}),
                ...(succeeded && options.environmentUrl ? { environment_url: options.environmentUrl } : {}),
            });
            options.log(`GitHub deployment ${id}: ${succeeded ? 'success' : 'failure'}`);
            if (!succeeded)
                return;
            // The deployment this one replaced: the newest other one of the environment whose last status is success.
            const { data: deployments } = await client.rest.repos.listDeployments({ owner, repo, environment: options.environment, per_page: 10 });
            for (const deployment of deployments) {
                if (deployment.id === id)
                    continue;
                const { data: statuses } = await client.rest.repos.listDeploymentStatuses({ owner, repo, deployment_id: deployment.id, per_page: 1 });
                if (statuses[0]?.state !== 'success')
                    continue;
                await client.rest.repos.createDeploymentStatus({ owner, repo, deployment_id: deployment.id, state: 'inactive', description: `replaced by ${record.version}` });
                options.log(`GitHub deployment ${deployment.id}: inactive`);
                break;
            }
        },
    };
}
/** The observer for a GitHub Actions run (GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_SHA), or undefined outside one. */
function githubObserverFromEnv(options) {
    const env = options.env ?? process.env;
    const token = env.GITHUB_TOKEN?.trim();
    const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
    const ref = env.GITHUB_SHA ?? env.GITHUB_REF;
    if (!token || !owner || !repo || !ref)
        return undefined;
    const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
    return githubDeploymentsObserver({
        client: createGitHubClient({ token, apiUrl: env.GITHUB_API_URL, log: options.log }),
        owner,
        repo,
        ref,
        environment: options.environment,
        environmentUrl: options.url,
        logUrl: env.GITHUB_RUN_ID ? `${server}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}` : undefined,
        log: options.log,
    });
}
//# sourceMappingURL=github-deployments.js.map

/***/ })

};
