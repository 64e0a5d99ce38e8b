import { z } from 'zod';

export const partnerTypes = ['association', 'platform', 'network', 'institute'] as const;
export type PartnerType = (typeof partnerTypes)[number];

const text = (max: number) =>
  z
    .string({ error: 'must be text' })
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(max, { error: `must be at most ${max} characters long` });

const year = z
  .number({ error: 'must be a year, for example 1973' })
  .int({ error: 'must be a year, for example 1973' })
  .min(1800, { error: 'must be a year after 1800' })
  .max(2100, { error: 'must be a year before 2100' });

const httpsUrl = z.url({
  protocol: /^https$/,
  hostname: z.regexes.domain,
  error: ({ input }) =>
    typeof input === 'string' && input.startsWith('http://')
      ? 'must be an https URL: write https:// instead of http://'
      : 'must be an https URL, for example https://www.example.org',
});

// A BCP 47 language tag such as en, fr or pt-BR.
const languageTag = z
  .string({ error: 'must be a language code, for example en' })
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { error: 'must be a language code, for example en' });

export const partnerFrontMatter = z.strictObject({
  name: text(200),
  nameLang: languageTag.optional(),
  shortName: text(20),
  summary: text(200),
  website: httpsUrl,
  type: z.enum(partnerTypes, { error: `must be one of: ${partnerTypes.join(', ')}` }),
  order: z.number({ error: 'must be a whole number' }).int({ error: 'must be a whole number' }),
  founded: year.optional(),
  seat: text(100).optional(),
  figuresAsOf: year.optional(),
  draft: z.boolean({ error: 'must be true or false' }).optional(),
});
export type PartnerFrontMatter = z.infer<typeof partnerFrontMatter>;

export const headerFrontMatter = z.strictObject({
  quote: text(300),
  attribution: text(100),
});

// YAML reads an unquoted 2026-11-26 as a Date; accept it and the quoted form alike.
const isoDate = z.preprocess(
  (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
  z.iso.date({ error: 'must be a date written as YYYY-MM-DD, for example 2026-11-26' }),
);

const email = z.email({ error: 'must be an e-mail address, for example name@example.org' });

export const accessibilityFrontMatter = z.strictObject({
  title: text(100),
  description: text(200),
  reviewed: isoDate,
  contactName: text(200),
  contactEmail: email,
});
export type AccessibilityFrontMatter = z.infer<typeof accessibilityFrontMatter>;

/** The imprint (§ 5 DDG) holds the operator's details; the privacy notice and security.txt use them. */
export const imprintFrontMatter = z.strictObject({
  title: text(100),
  description: text(200),
  organisation: text(200),
  street: text(100),
  postalCode: text(20),
  city: text(100),
  country: text(100),
  email,
  phone: text(40).optional(),
  representedBy: text(300),
  contentResponsible: text(300),
  register: text(200).optional(),
  vatId: text(30).optional(),
  dataProtectionContact: text(300),
  dataProtectionEmail: email,
  supervisoryAuthority: text(300),
  supervisoryAuthorityUrl: httpsUrl,
  securityContact: email,
});
export type ImprintFrontMatter = z.infer<typeof imprintFrontMatter>;

/** Imprint fields that are the same in every language (names and places may be translated). */
export const imprintNeutralFields = [
  'street',
  'postalCode',
  'email',
  'phone',
  'register',
  'vatId',
  'dataProtectionEmail',
  'supervisoryAuthorityUrl',
  'securityContact',
] as const satisfies readonly (keyof ImprintFrontMatter)[];

export const privacyFrontMatter = z.strictObject({
  title: text(100),
  description: text(200),
  reviewed: isoDate,
});
export type PrivacyFrontMatter = z.infer<typeof privacyFrontMatter>;

/** Fields that describe the partner, not the language: equal in every locale's file. */
export const languageNeutralFields = [
  'website',
  'type',
  'order',
  'founded',
  'figuresAsOf',
  'draft',
] as const satisfies readonly (keyof PartnerFrontMatter)[];

export type FieldIssue = { field: string; message: string };

export function describeIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.flatMap((issue): FieldIssue[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: key, message: 'is not a known field' }));
    }
    const field = issue.path.join('.') || '(front matter)';
    const missing = issue.code === 'invalid_type' && issue.input === undefined;
    return [{ field, message: missing ? 'is required' : issue.message }];
  });
}
