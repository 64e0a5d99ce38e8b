import { cmsConfig } from '@/lib/cms/config';

// Prerendered from lib/content/schema.ts. JSON is YAML, and Decap reads its config as YAML.
export const dynamic = 'force-static';

export function GET() {
  return new Response(`${JSON.stringify(cmsConfig(), null, 2)}\n`, {
    headers: { 'Content-Type': 'text/yaml; charset=utf-8' },
  });
}
