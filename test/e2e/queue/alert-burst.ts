/**
 * The burst of alerts fired at the webhook: which alert IDs, how often, and which at the same
 * moment. Deterministic, so every run sends the same thing. Each wave's deliveries are posted all at
 * once; the next wave starts when every answer of the previous one is in.
 */
import { sleep } from '../../../scripts/local-n8n/processes';

export interface BurstPlan {
	distinctAlerts: number;
	deliveries: number;
	waveSize: number;
}

export interface AlertDelivery {
	wave: number;
	/** Why this delivery is in the burst. */
	kind: 'first' | 'same-moment repeat' | 'later repeat';
	alert: { id: string; title: string; customer: string; severity: string; source: string };
}

export interface DeliveryResult {
	delivery: AlertDelivery;
	/** HTTP status of the webhook's answer. */
	status: number;
	/** The Raise Ticket output item n8n answered with (`action`, `ticket_id`, …), when it is JSON. */
	answer?: Record<string, unknown>;
	error?: string;
	ms: number;
}

/** Demo customers of the fake HaloPSA, matched by name. */
const CUSTOMERS = ['Contoso Ltd', 'Northwind Traders', 'Fabrikam GmbH', 'Globex LLC', 'Initech', 'Umbrella Health'];
const SEVERITIES = ['critical', 'high', 'medium', 'low'];

function alertNumber(index: number): AlertDelivery['alert'] {
	const id = `Q-${String(index + 1).padStart(3, '0')}`;
	return {
		id,
		title: `Queue-mode test alert ${id}`,
		customer: CUSTOMERS[index % CUSTOMERS.length],
		severity: SEVERITIES[index % SEVERITIES.length],
		source: 'n8n-nodes-halopsa queue-mode test',
	};
}

/**
 * Every wave has `newPerWave` first deliveries; the repeats are split between alerts of this wave
 * sent again at the same moment (the race between workers) and alerts of earlier waves (which the
 * worker that gets them may not have seen: its look-ups are kept per process).
 */
export function planBurst(plan: BurstPlan): AlertDelivery[][] {
	const waves = Math.ceil(plan.deliveries / plan.waveSize);
	const newPerWave = Math.ceil(plan.distinctAlerts / waves);
	const burst: AlertDelivery[][] = [];
	let introduced = 0;
	let sent = 0;
	for (let wave = 0; wave < waves; wave++) {
		const deliveries: AlertDelivery[] = [];
		const firstOfWave = introduced;
		const newHere = Math.min(newPerWave, plan.distinctAlerts - introduced, plan.deliveries - sent);
		const repeats = Math.min(plan.waveSize, plan.deliveries - sent) - newHere;
		const sameMoment = wave === 0 ? repeats : Math.ceil(repeats / 2);
		for (let index = 0; index < newHere; index++) {
			const alert = alertNumber(firstOfWave + index);
			deliveries.push({ wave, kind: 'first', alert });
			// The same alert a second time, posted in the same instant as its first delivery.
			if (index < sameMoment) deliveries.push({ wave, kind: 'same-moment repeat', alert });
		}
		for (let index = 0; index < repeats - Math.min(sameMoment, newHere); index++) {
			// Spread over the earlier waves' alerts, some of them more than once over the burst.
			const earlier = (wave * 7 + index * 13) % firstOfWave;
			deliveries.push({ wave, kind: 'later repeat', alert: alertNumber(earlier) });
		}
		introduced += newHere;
		sent += deliveries.length;
		burst.push(deliveries);
	}
	return burst;
}

const ANSWER_TIMEOUT_MS = 15 * 60_000;
const NOT_REGISTERED_RETRY_MS = 20_000;

/**
 * Posts one alert; a 404 (the webhook is not registered yet, so nothing ran) is retried for a while.
 * The answer can take minutes when the request budget makes the node wait.
 */
async function deliver(webhookUrl: string, delivery: AlertDelivery): Promise<DeliveryResult> {
	const started = Date.now();
	const deadline = started + NOT_REGISTERED_RETRY_MS;
	for (;;) {
		try {
			const response = await fetch(webhookUrl, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(delivery.alert),
				signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS),
			});
			const text = await response.text();
			if (response.status === 404 && Date.now() < deadline) {
				await sleep(500);
				continue;
			}
			let answer: Record<string, unknown> | undefined;
			try {
				answer = JSON.parse(text) as Record<string, unknown>;
			} catch {
				answer = undefined;
			}
			return { delivery, status: response.status, answer, error: response.ok ? undefined : text.slice(0, 300), ms: Date.now() - started };
		} catch (error) {
			return { delivery, status: 0, error: (error as Error).message, ms: Date.now() - started };
		}
	}
}

/** Fires the burst wave by wave; `onWave` hears how each went. */
export async function fireBurst(
	webhookUrl: string,
	burst: AlertDelivery[][],
	onWave: (wave: number, results: DeliveryResult[]) => void,
): Promise<DeliveryResult[]> {
	const all: DeliveryResult[] = [];
	for (const [wave, deliveries] of burst.entries()) {
		const results = await Promise.all(deliveries.map((delivery) => deliver(webhookUrl, delivery)));
		onWave(wave, results);
		all.push(...results);
	}
	return all;
}

/** How many times the burst delivers each alert ID. */
export function deliveriesPerAlert(burst: AlertDelivery[][]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const delivery of burst.flat()) counts.set(delivery.alert.id, (counts.get(delivery.alert.id) ?? 0) + 1);
	return counts;
}
