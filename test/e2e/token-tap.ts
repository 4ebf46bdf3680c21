/**
 * A pass-through HTTP proxy in front of the fake HaloPSA that remembers every access token the
 * fake hands out. The fake only logs token requests (with the secret masked), not the tokens; the
 * secret scan needs the tokens themselves to prove none of them ends up in n8n's data or logs.
 */
import { createServer, request, type IncomingMessage, type Server } from 'http';
import type { AddressInfo } from 'net';

export interface TokenTap {
	/** http://127.0.0.1:PORT: give n8n this address instead of the fake's. */
	url: string;
	/** Every `access_token` answered so far. */
	issuedTokens(): string[];
	stop(): Promise<void>;
}

function readBody(stream: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		stream.on('data', (chunk: Buffer) => chunks.push(chunk));
		stream.on('end', () => resolve(Buffer.concat(chunks)));
		stream.on('error', reject);
	});
}

function accessTokenIn(body: Buffer): string | undefined {
	try {
		const token = (JSON.parse(body.toString()) as { access_token?: unknown }).access_token;
		return typeof token === 'string' ? token : undefined;
	} catch {
		return undefined;
	}
}

/**
 * `tokenLatencyMs`: token answers are held back this long (the fake answers token requests at once,
 * whatever latency it gives API requests; benchmarks comparing token use want both delayed alike).
 */
export async function startTokenTap(targetUrl: string, options: { tokenLatencyMs?: number } = {}): Promise<TokenTap> {
	const target = new URL(targetUrl);
	const tokens: string[] = [];
	const server: Server = createServer((incoming, outgoing) => {
		const forwarded = request(
			{ host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers: { ...incoming.headers, host: target.host } },
			async (answer) => {
				const body = await readBody(answer);
				const token = accessTokenIn(body);
				if (token) tokens.push(token);
				if (token && options.tokenLatencyMs) await new Promise((resolve) => setTimeout(resolve, options.tokenLatencyMs));
				outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
				outgoing.end(body);
			},
		);
		// The fake dropped the connection (on purpose, or it stopped): do the same to the client.
		forwarded.on('error', () => outgoing.destroy());
		incoming.pipe(forwarded);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		issuedTokens: () => [...tokens],
		stop: () =>
			new Promise((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
