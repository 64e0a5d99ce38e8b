type Props = { html: string; className?: string };

/** The only place that injects HTML; `html` comes from lib/markdown.ts (sanitized). */
export function Prose({ html, className = '' }: Props) {
  return (
    <div
      className={`prose max-w-none break-words hyphens-auto prose-slate dark:prose-invert prose-a:text-brand-700 dark:prose-a:text-brand-300 ${className}`}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
