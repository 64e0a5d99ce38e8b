type Props = { html: string; className?: string };

/** The only place that injects HTML; `html` comes from lib/content/markdown.ts (sanitized). */
export function Prose({ html, className = '' }: Props) {
  return <div className={`prose ${className}`} dangerouslySetInnerHTML={{ __html: html }} />;
}
