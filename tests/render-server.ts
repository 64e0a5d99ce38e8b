import { renderToReadableStream } from 'react-dom/server';
import type { ReactNode } from 'react';

/**
 * Renders async server components (which React DOM's client renderer cannot) to HTML and puts
 * it into the jsdom document, so Testing Library queries work as usual.
 */
export async function renderServer(element: ReactNode): Promise<HTMLElement> {
  const stream = await renderToReadableStream(element);
  await stream.allReady;
  const html = await new Response(stream).text();
  const container = document.createElement('div');
  container.innerHTML = html;
  document.body.append(container);
  return container;
}
