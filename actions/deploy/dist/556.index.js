import { createRequire as __tollgateCreateRequire } from 'node:module';
import { dirname as __tollgateDirname } from 'node:path';
import { fileURLToPath as __tollgateFileURLToPath } from 'node:url';
const require = __tollgateCreateRequire(import.meta.url);
const __filename = __tollgateFileURLToPath(import.meta.url);
const __dirname = __tollgateDirname(__filename);
export const id = 556;
export const ids = [556];
export const modules = {

/***/ 2556:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KubernetesProvider: () => (/* binding */ KubernetesProvider)
/* harmony export */ });
/* unused harmony export rolledOut */
/* harmony import */ var node_timers_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8500);
/* harmony import */ var _kubernetes_client_node__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4418);
/* harmony import */ var _config_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4355);



const STRATEGIC = (0,_kubernetes_client_node__WEBPACK_IMPORTED_MODULE_1__/* .setHeaderOptions */ .OkF)('Content-Type', _kubernetes_client_node__WEBPACK_IMPORTED_MODULE_1__/* .PatchStrategy */ .Qve.StrategicMergePatch);
/** Whether a Deployment has rolled out its current spec with every replica ready. */
function rolledOut(deployment, replicas) {
    const status = deployment.status ?? {};
    const generation = deployment.metadata?.generation ?? 0;
    return ((status.observedGeneration ?? 0) >= generation &&
        (status.updatedReplicas ?? 0) === replicas &&
        (status.readyReplicas ?? 0) === replicas &&
        (status.availableReplicas ?? 0) === replicas &&
        (status.replicas ?? 0) === replicas);
}
/**
 * Two Deployments (one per color) behind one Service: start sets the color's image and replicas
 * and waits for the rollout, the switch patches the Service selector, stop scales the color to 0.
 * The cluster comes from the usual kubeconfig (KUBECONFIG, ~/.kube/config, or in-cluster).
 */
class KubernetesProvider {
    name = 'kubernetes';
    config;
    core;
    apps;
    discovery;
    constructor(options) {
        this.config = options.config;
        const kc = options.kubeConfig ?? new _kubernetes_client_node__WEBPACK_IMPORTED_MODULE_1__/* .KubeConfig */ .ypW();
        if (!options.kubeConfig)
            kc.loadFromDefault();
        this.core = kc.makeApiClient(_kubernetes_client_node__WEBPACK_IMPORTED_MODULE_1__/* .CoreV1Api */ .f5Y);
        this.apps = kc.makeApiClient(_kubernetes_client_node__WEBPACK_IMPORTED_MODULE_1__/* .AppsV1Api */ .eY6);
        this.discovery = kc.makeApiClient(_kubernetes_client_node__WEBPACK_IMPORTED_MODULE_1__/* .DiscoveryV1Api */ .oNq);
    }
    async live() {
        const service = await this.core.readNamespacedService({ name: this.config.service, namespace: this.config.namespace });
        const color = service.spec?.selector?.[this.config.selectorKey];
        return _config_js__WEBPACK_IMPORTED_MODULE_2__/* .COLORS */ .lm.includes(color ?? '') ? color : undefined;
    }
    deployment(color) {
        return this.config.deployments[color];
    }
    async start(color, version, signal) {
        const image = this.config.image.replaceAll('{version}', version);
        await this.apps.patchNamespacedDeployment({
            name: this.deployment(color),
            namespace: this.config.namespace,
            body: { spec: { replicas: this.config.replicas, template: { spec: { containers: [{ name: this.config.container, image }] } } } },
        }, STRATEGIC);
        const deadline = Date.now() + this.config.readyTimeoutMs;
        for (;;) {
            const deployment = await this.apps.readNamespacedDeployment({ name: this.deployment(color), namespace: this.config.namespace });
            if (rolledOut(deployment, this.config.replicas))
                return;
            if (signal?.aborted)
                throw new Error('aborted while waiting for the rollout');
            if (Date.now() > deadline) {
                const status = deployment.status ?? {};
                throw new Error(`deployment ${this.deployment(color)} is not ready after ${this.config.readyTimeoutMs} ms (${status.readyReplicas ?? 0}/${this.config.replicas} ready, ${status.updatedReplicas ?? 0} updated)`);
            }
            await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout)(500);
        }
    }
    async running(color) {
        const deployment = await this.apps.readNamespacedDeployment({ name: this.deployment(color), namespace: this.config.namespace });
        return (deployment.spec?.replicas ?? 0) > 0;
    }
    colorUrl(color) {
        return this.config.urls?.[color];
    }
    publicUrl() {
        return this.config.url;
    }
    async switchTo(color) {
        await this.core.patchNamespacedService({ name: this.config.service, namespace: this.config.namespace, body: { spec: { selector: { [this.config.selectorKey]: color } } } }, STRATEGIC);
        const live = await this.live();
        if (live !== color)
            throw new Error(`service ${this.config.service} still selects ${live ?? 'no color'} after the patch`);
    }
    /**
     * The Service's endpoints follow its selector asynchronously (the EndpointSlice controller,
     * then kube-proxy on every node), so scaling the old color down at once would drop requests
     * still routed to its pods. Drain waits until none of the old color's pods is an endpoint of
     * the Service any more, then `settleMs` for the nodes to catch up; the pods' own termination
     * grace period covers the requests they are still serving.
     */
    async drain(color, timeoutMs) {
        const deadline = Date.now() + timeoutMs;
        for (;;) {
            const remaining = await this.endpointsOf(color);
            if (remaining === 0) {
                await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout)(this.config.settleMs);
                return { remaining: 0, unit: 'endpoint' };
            }
            if (Date.now() > deadline)
                return { remaining, unit: 'endpoint' };
            await (0,node_timers_promises__WEBPACK_IMPORTED_MODULE_0__.setTimeout)(200);
        }
    }
    /** How many endpoints of the Service are pods of `color` (by the color label). */
    async endpointsOf(color) {
        const { namespace, service, selectorKey } = this.config;
        const [pods, slices] = await Promise.all([
            this.core.listNamespacedPod({ namespace, labelSelector: `${selectorKey}=${color}` }),
            this.discovery.listNamespacedEndpointSlice({ namespace, labelSelector: `kubernetes.io/service-name=${service}` }),
        ]);
        const names = new Set(pods.items.map((pod) => pod.metadata?.name));
        return slices.items.flatMap((slice) => slice.endpoints ?? []).filter((e) => e.targetRef?.kind === 'Pod' && names.has(e.targetRef.name)).length;
    }
    async stop(color) {
        await this.apps.patchNamespacedDeployment({ name: this.deployment(color), namespace: this.config.namespace, body: { spec: { replicas: 0 } } }, STRATEGIC);
    }
    async close() {
        // The API client holds no connection open between calls.
    }
}
//# sourceMappingURL=kubernetes-provider.js.map

/***/ })

};
