/**
 * n8n's own HaloPSA node (`n8n-nodes-base.haloPSA`, node version 1) and its credential
 * (`haloPSAApi`), pointed at the fake HaloPSA. Read from n8n 2.41.1's
 * `n8n-nodes-base/dist/nodes/HaloPSA/GenericFunctions.js`: the token comes from
 * `${authUrl}/token?tenant=${tenant}` (its on-premise branch checks for 'on-premise' while the
 * credential's value is 'onPremise', so every credential takes this path), and requests go to
 * `${resourceApiUrl}${resource}`. The fake serves `/auth/token` (ignoring `tenant`) and `/api/*`.
 */
import { randomUUID } from 'crypto';

import type { FakeApplication } from '../../scripts/local-n8n/fake-halo';
import type { CredentialRef, WorkflowNode } from '../../scripts/local-n8n/workflows';

export const BUILT_IN_NODE_TYPE = 'n8n-nodes-base.haloPSA';
export const BUILT_IN_CREDENTIAL_TYPE = 'haloPSAApi';

/** What `n8n import:credentials` takes for a built-in HaloPSA credential pointed at the fake at `fakeUrl`. */
export function builtInCredentialFile(credential: CredentialRef, fakeUrl: string, application: FakeApplication) {
	return {
		...credential,
		type: BUILT_IN_CREDENTIAL_TYPE,
		data: {
			hostingType: 'onPremise',
			authUrl: `${fakeUrl}/auth`,
			resourceApiUrl: `${fakeUrl}/api`,
			client_id: application.clientId,
			client_secret: application.clientSecret,
			// Its hidden Scope field keeps its default, 'admin edit:tickets edit:customers'.
		},
	};
}

export function builtInHaloNode(name: string, credential: CredentialRef, parameters: Record<string, unknown>): WorkflowNode {
	return {
		id: randomUUID(),
		name,
		type: BUILT_IN_NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { [BUILT_IN_CREDENTIAL_TYPE]: credential },
	};
}
