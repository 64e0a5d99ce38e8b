import type { Header } from '@/lib/content/load';
import { Prose } from './prose';

type Props = { header: Header };

export function ProverbHeader({ header }: Props) {
  return (
    <div className="space-y-8">
      <figure className="border-l-4 border-brand-600 pl-5 sm:pl-8">
        <blockquote className="text-2xl leading-snug font-semibold text-balance text-slate-900 sm:text-3xl dark:text-slate-50">
          <p>{header.quote}</p>
        </blockquote>
        <figcaption className="mt-3 text-base text-slate-600 dark:text-slate-400">
          — {header.attribution}
        </figcaption>
      </figure>
      <Prose html={header.introHtml} className="text-lg" />
    </div>
  );
}
