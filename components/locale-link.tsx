import type { ComponentProps } from 'react';
import { getPathname } from '@/lib/i18n/navigation';
import type { AppHref } from '@/lib/i18n/paths';
import type { Locale } from '@/lib/i18n/routing';

type Props = Omit<ComponentProps<'a'>, 'href'> & { href: AppHref; locale: Locale };

// A plain <a>, not next/link: the pages ship no client JavaScript (scripts/strip-framework-js.mjs),
// so next/link could never navigate on the client; as a client component it only added a module
// reference to every page's RSC payload. The HTML is the same.
export function LocaleLink({ href, locale, ...rest }: Props) {
  return <a {...rest} href={getPathname({ locale, href })} />;
}
