import { serializeJsonLd, type JsonLd as Data } from '@/lib/site/structured-data';

type Props = { data: Data };

/** Structured data for search engines; the JSON is escaped by serializeJsonLd. */
export function JsonLd({ data }: Props) {
  return (
    <script
      type="application/ld+json"
      dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }}
    />
  );
}
