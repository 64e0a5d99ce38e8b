// Shipped content marks what only the operator knows (an address, a contact) as a placeholder:
// with the word "Platzhalter" or "placeholder", or with a domain reserved for examples and tests
// (RFC 2606), which can never be a real address. A dot after the domain ends a sentence
// ("… kontakt@example.org."), unless a label follows it (example.org.uk is another domain).
const placeholder =
  /platzhalter|placeholder|(?<![\w-])example\.(?:org|com|net)(?![\w-]|\.[\w-])|\.(?:example|invalid|test)(?![\w-]|\.[\w-])/i;

/** Whether `text` still holds a placeholder instead of a real value. */
export function isPlaceholder(text: string): boolean {
  return placeholder.test(text);
}
