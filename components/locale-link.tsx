import type { ComponentProps } from 'react';
import { getPathname } from '@/lib/i18n/navigation';
import type { AppHref } from '@/lib/i18n/paths';
import type { Locale } from '@/lib/i18n/routing';

type Props = Omit<ComponentProps<'a'>, 'href'> & { href: AppHref; locale: Locale };

// A plain <a>, not next/link: while the build strips the client JavaScript
// (build/strip-framework-js.mjs), next/link cannot navigate on the client, and as a client
// component it only added a module reference to every page's RSC payload; the HTML is the same.
// With KEEP_FRAMEWORK_JS=1, use next/link again (README, "Pages without JavaScript").
export function LocaleLink({ href, locale, ...rest }: Props) {
  return <a {...rest} href={getPathname({ locale, href })} />;
}
