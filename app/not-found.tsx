import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { NotFoundContent } from '@/components/not-found-content';
import { routing } from '@/lib/i18n/routing';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const titles = await Promise.all(
    routing.locales.map(async (locale) =>
      (await getTranslations({ locale, namespace: 'NotFound' }))('title'),
    ),
  );
  // The page says it in every language; Next adds the noindex itself.
  return { title: titles.join(' / ') };
}

// Paths outside any locale (e.g. /unknown.txt) render without the [locale] layout.
export default function GlobalNotFound() {
  return (
    <html lang={routing.defaultLocale}>
      <body className="bg-white font-sans text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <main className="mx-auto w-full max-w-5xl space-y-16 px-4 py-14 sm:px-6">
          {routing.locales.map((locale, index) => (
            <div key={locale} lang={locale}>
              <NotFoundContent locale={locale} heading={index === 0 ? 'h1' : 'h2'} />
            </div>
          ))}
        </main>
      </body>
    </html>
  );
}
