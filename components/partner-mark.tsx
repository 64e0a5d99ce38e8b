type Props = { shortName: string; size?: 'md' | 'lg' };

/** A typographic mark in place of a logo (no logos are available). */
export function PartnerMark({ shortName, size = 'md' }: Props) {
  const box = size === 'lg' ? 'h-20 min-w-20 text-2xl' : 'h-14 min-w-14 text-lg';
  return (
    <span
      aria-hidden="true"
      className={`inline-flex items-center justify-center rounded-lg bg-brand-700 px-3 font-bold tracking-tight text-white dark:bg-brand-300 dark:text-brand-950 ${box}`}
    >
      {shortName}
    </span>
  );
}
