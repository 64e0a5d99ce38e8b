import { describe, expect, it } from 'vitest';
import de from '@/messages/de.json';
import en from '@/messages/en.json';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) =>
    keys(child, prefix ? `${prefix}.${key}` : key),
  );
}

describe('messages', () => {
  it('has exactly the same keys in German and English', () => {
    expect(keys(en)).toEqual(keys(de));
  });

  it('keeps keys sorted in every namespace', () => {
    for (const [name, messages] of Object.entries({ de, en })) {
      const sorted = (obj: object): boolean =>
        Object.keys(obj).join() === Object.keys(obj).sort().join() &&
        Object.values(obj).every((v) => typeof v !== 'object' || sorted(v));
      expect(sorted(messages), name).toBe(true);
    }
  });

  it('has no empty strings', () => {
    for (const messages of [de, en]) {
      const values = JSON.stringify(messages).match(/:""/g);
      expect(values).toBeNull();
    }
  });
});
