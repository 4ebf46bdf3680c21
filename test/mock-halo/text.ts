/** Halo keeps a plain-text and an HTML copy of ticket details and action notes. */

export function htmlFromText(text: string): string {
	const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
	return escaped.replace(/\r?\n/g, '<br>');
}

export function textFromHtml(html: string): string {
	return html
		.replace(/<br\s*\/?>/gi, '\n')
		.replace(/<\/(p|div|li|h\d)>/gi, '\n')
		.replace(/<[^>]*>/g, '')
		.replace(/&nbsp;/g, ' ')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&amp;/g, '&')
		.trim();
}

/**
 * When only one of the pair is given, derive the other; when both are given, keep both.
 * Returns undefined when neither field was posted.
 */
export function textAndHtml(text: unknown, html: unknown): { text: string; html: string } | undefined {
	const hasText = typeof text === 'string';
	const hasHtml = typeof html === 'string';
	if (!hasText && !hasHtml) return undefined;
	if (hasText && hasHtml) return { text: text as string, html: html as string };
	return hasText ? { text: text as string, html: htmlFromText(text as string) } : { text: textFromHtml(html as string), html: html as string };
}
