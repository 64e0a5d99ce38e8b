import { describe, expect, it } from 'vitest';
import { isPlaceholder } from '@/lib/content/placeholders';

describe('isPlaceholder', () => {
  it.each([
    'Platzhalter: Ort',
    'Connective Cities, editorial team (placeholder)',
    'PLACEHOLDER',
    'kontakt@example.org',
    'https://www.example.com/imprint',
    'security@partners.example',
    'a@b.invalid',
    'host.test',
    'kontakt@example.org.',
    'Schreiben Sie an kontakt@example.org. Wir antworten.',
    'https://partners.example.org.',
    'a@b.invalid.',
  ])('finds "%s"', (text) => {
    expect(isPlaceholder(text)).toBe(true);
  });

  it.each([
    'Deutsches Institut für Urbanistik gGmbH',
    'kontakt@connective-cities.net',
    'https://www.bfdi.bund.de',
    'Zum Beispiel: Bonn',
    'for example, the city',
    'examples.org.uk',
    'info@test-verein.de',
    'https://mail.test.de/kontakt',
    'https://www.best-example.com',
    'kontakt@example.org.uk',
    'kontakt@example.org.uk.',
    'example.test-verein.de',
  ])('leaves "%s" alone', (text) => {
    expect(isPlaceholder(text)).toBe(false);
  });
});
