export function stripFrameworkJs(html: string, name?: string): string;
