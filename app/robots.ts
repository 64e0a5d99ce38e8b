import type { MetadataRoute } from 'next';
import { absoluteUrl, isStaging } from '@/lib/site/origin';

export default function robots(): MetadataRoute.Robots {
  if (isStaging()) return { rules: { userAgent: '*', disallow: '/' } };
  return { rules: { userAgent: '*', allow: '/' }, sitemap: absoluteUrl('/sitemap.xml') };
}
