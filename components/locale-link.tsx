import NextLink from 'next/link';
import type { ComponentProps } from 'react';
import { getPathname } from '@/lib/i18n/navigation';
import type { AppHref } from '@/lib/i18n/paths';
import type { Locale } from '@/lib/i18n/routing';

type Props = Omit<ComponentProps<typeof NextLink>, 'href'> & { href: AppHref; locale: Locale };

// next-intl's own <LocaleLink> needs a client provider for its locale; we resolve the path on the server.
export function LocaleLink({ href, locale, ...rest }: Props) {
  return <NextLink href={getPathname({ locale, href })} {...rest} />;
}
