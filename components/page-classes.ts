// The classes of every page's <body> (app/[locale]/layout.tsx) and main landmark (PageShell);
// the web editor's preview (app/admin/preview.tsx) wraps a partner in them too. A module of its
// own, so that the preview's browser bundle takes nothing else from the page shell.
export const bodyClassName =
  'flex min-h-screen flex-col bg-white font-sans text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100';
export const mainClassName = 'mx-auto w-full max-w-5xl grow px-4 py-10 sm:px-6 sm:py-14';
