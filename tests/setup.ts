import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// Testing Library cleans up on its own only when Vitest globals are on; they are off here.
afterEach(() => {
  cleanup();
  if (typeof document !== 'undefined') document.body.replaceChildren();
  // lib/content keeps production content on globalThis, where vi.resetModules() cannot reach it.
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('cc-partners.content')];
});
