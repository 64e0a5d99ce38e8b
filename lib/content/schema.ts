import { z } from 'zod';

export const partnerTypes = ['association', 'platform', 'network', 'institute'] as const;
export type PartnerType = (typeof partnerTypes)[number];

/** The languages a partner's name may be in, when it is not the language of the file. */
export const nameLanguages = [
  'ar',
  'de',
  'en',
  'es',
  'fr',
  'it',
  'nl',
  'pl',
  'pt',
  'ru',
  'tr',
  'zh',
] as const;

/**
 * How the web editor (Decap CMS, lib/cms/config.ts) shows a field: label and hint in the
 * editors' language, German, and for text with a rule, that rule as the form checks it.
 */
export type FieldMeta = { label: string; hint?: string; pattern?: [string, string] };
const field = <T extends z.ZodType>(schema: T, meta: FieldMeta) => schema.meta(meta);

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
/** The https rule as the web form checks it (the schema above stays the judge). */
const httpsPattern: [string, string] = [
  '^https://[^\\s/]+\\.[^\\s]+$',
  'Die Adresse muss mit https:// beginnen, z. B. https://www.example.org',
];

export const partnerFrontMatter = z.strictObject({
  name: field(text(200), {
    label: 'Name',
    hint: 'Der vollständige Name, wie er auf der Seite erscheint, höchstens 200 Zeichen.',
  }),
  nameLang: field(
    z.enum(nameLanguages, { error: `must be a language code: ${nameLanguages.join(', ')}` }),
    {
      label: 'Sprache des Namens',
      hint: 'Nur wählen, wenn der Name nicht in der Sprache dieser Fassung ist, z. B. Englisch für einen englischen Namen auf der deutschen Seite. Bildschirmleser sprechen ihn dann richtig aus.',
    },
  ).optional(),
  // The editor makes a new partner's slug from it: _ and ~ would stay, and no slug may have them.
  shortName: field(text(20).regex(/^[^_~]*$/, { error: 'must not contain _ or ~' }), {
    label: 'Kurzname',
    hint: 'Die Abkürzung, höchstens 20 Zeichen, z. B. VKU. Aus dem Kurznamen eines neuen Partners entsteht die Adresse seiner Seite.',
    pattern: ['^[^_~]{0,20}$', 'Höchstens 20 Zeichen, ohne _ und ~'],
  }),
  summary: field(text(200), {
    label: 'Kurzbeschreibung',
    hint: 'Ein Satz für die Liste und für Suchmaschinen, höchstens 200 Zeichen. Auf Englisch übersetzen, nicht kopieren.',
  }),
  website: field(httpsUrl, {
    label: 'Website',
    hint: 'Die Adresse der Website, mit https://',
    pattern: httpsPattern,
  }),
  type: field(z.enum(partnerTypes, { error: `must be one of: ${partnerTypes.join(', ')}` }), {
    label: 'Art',
  }),
  order: field(
    z.number({ error: 'must be a whole number' }).int({ error: 'must be a whole number' }),
    {
      label: 'Reihenfolge',
      hint: 'Die Stelle in der Liste: 1 steht zuerst. Jede Zahl darf nur ein Partner haben.',
    },
  ),
  founded: field(year, { label: 'Gründungsjahr', hint: 'z. B. 1949' }).optional(),
  seat: field(text(100), { label: 'Sitz', hint: 'Die Stadt, z. B. Berlin' }).optional(),
  figuresAsOf: field(year, {
    label: 'Stand der Zahlen',
    hint: 'Das Jahr, aus dem die Zahlen in der Beschreibung stammen. Zahlen, die älter als fünf Jahre sind, meldet die Prüfung.',
  }).optional(),
  draft: field(z.boolean({ error: 'must be true or false' }), {
    label: 'Entwurf',
    hint: 'Ein Entwurf erscheint nur in der Vorschau (npm run edit), nicht auf der Website, und darf noch ohne Übersetzung sein.',
  }).optional(),
});
export type PartnerFrontMatter = z.infer<typeof partnerFrontMatter>;

/** A field's schema without its `.optional()`, whether it had one, and what the editor shows. */
export function fieldParts(schema: z.ZodType) {
  const optional = schema.safeParse(undefined).success;
  const inner = (optional ? (schema as z.ZodOptional).unwrap() : schema) as z.ZodType;
  return { optional, inner, meta: inner.meta() as FieldMeta | undefined };
}

/** The web editor's label of a partner field, e.g. "Reihenfolge" for order. */
export function partnerFieldLabel(name: keyof PartnerFrontMatter): string {
  return fieldParts(partnerFrontMatter.shape[name]).meta!.label;
}

export const headerFrontMatter = z.strictObject({
  quote: field(text(300), { label: 'Zitat', hint: 'Ohne Anführungszeichen.' }),
  attribution: field(text(100), {
    label: 'Herkunft des Zitats',
    hint: 'z. B. Afrikanisches Sprichwort',
  }),
});

// YAML reads an unquoted 2026-11-26 as a Date; accept it and the quoted form alike.
const isoDate = z.preprocess(
  (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
  z.iso.date({ error: 'must be a date written as YYYY-MM-DD, for example 2026-11-26' }),
);

const email = z.email({ error: 'must be an e-mail address, for example name@example.org' });
const emailPattern: [string, string] = [
  '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$',
  'Eine E-Mail-Adresse, z. B. name@example.org',
];
const emailField = (label: string, hint?: string) =>
  field(email, { label, hint, pattern: emailPattern });

const title = field(text(100), { label: 'Titel', hint: 'Die Überschrift der Seite.' });
const description = field(text(200), {
  label: 'Beschreibung für Suchmaschinen',
  hint: 'Ein Satz, höchstens 200 Zeichen.',
});
const reviewed = field(isoDate, {
  label: 'Stand',
  hint: 'Das Datum, an dem der Text zuletzt geprüft wurde.',
});

export const accessibilityFrontMatter = z.strictObject({
  title,
  description,
  reviewed,
  contactName: field(text(200), {
    label: 'Kontaktstelle',
    hint: 'Wer Meldungen zu Barrieren beantwortet.',
  }),
  contactEmail: emailField('E-Mail der Kontaktstelle'),
});
export type AccessibilityFrontMatter = z.infer<typeof accessibilityFrontMatter>;

/** The imprint (§ 5 DDG) holds the operator's details; the privacy notice and security.txt use them. */
export const imprintFrontMatter = z.strictObject({
  title,
  description,
  organisation: field(text(200), {
    label: 'Organisation',
    hint: 'Name und Rechtsform der betreibenden Organisation.',
  }),
  street: field(text(100), { label: 'Straße und Hausnummer' }),
  postalCode: field(text(20), { label: 'Postleitzahl' }),
  city: field(text(100), { label: 'Ort' }),
  country: field(text(100), { label: 'Land' }),
  email: emailField('E-Mail'),
  phone: field(text(40), { label: 'Telefon', hint: 'z. B. +49 228 12345-0' }).optional(),
  representedBy: field(text(300), {
    label: 'Vertreten durch',
    hint: 'Namen und Funktion der vertretungsberechtigten Personen.',
  }),
  contentResponsible: field(text(300), {
    label: 'Verantwortlich für den Inhalt',
    hint: 'Name und Anschrift (§ 18 Abs. 2 MStV).',
  }),
  register: field(text(200), {
    label: 'Registereintrag',
    hint: 'Registergericht und -nummer; leer lassen, wenn es keinen gibt.',
  }).optional(),
  vatId: field(text(30), {
    label: 'USt-IdNr.',
    hint: 'Leer lassen, wenn es keine gibt.',
  }).optional(),
  dataProtectionContact: field(text(300), {
    label: 'Kontakt für Datenschutz',
    hint: 'Name oder Stelle der oder des Datenschutzbeauftragten.',
  }),
  dataProtectionEmail: emailField('E-Mail für Datenschutz'),
  supervisoryAuthority: field(text(300), {
    label: 'Datenschutz-Aufsichtsbehörde',
    hint: 'Die für die Organisation zuständige Behörde.',
  }),
  supervisoryAuthorityUrl: field(httpsUrl, {
    label: 'Website der Aufsichtsbehörde',
    pattern: httpsPattern,
  }),
  securityContact: emailField(
    'E-Mail für Sicherheitsmeldungen',
    'Steht in /.well-known/security.txt.',
  ),
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

export const privacyFrontMatter = z.strictObject({ title, description, reviewed });
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
