import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { NotFoundContent } from '@/components/not-found-content';
import { routing } from '@/lib/i18n/routing';
import './globals.css';

// The one 404 page, for every unknown path, prerendered in both languages. A notFound() page
// under [locale] is an empty document until hydration in Next 16.4 (blank without JavaScript,
// vercel/next.js#62228), so there is no catch-all route: unknown paths match no route and get this.
export async function generateMetadata(): Promise<Metadata> {
  const texts = await Promise.all(
    routing.locales.map((locale) => getTranslations({ locale, namespace: 'NotFound' })),
  );
  return {
    title: texts.map((t) => t('title')).join(' · '),
    description: texts.map((t) => t('text')).join(' '),
    robots: { index: false },
  };
}

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
