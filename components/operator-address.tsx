import type { Imprint } from '@/lib/content/load';

type Props = { operator: Imprint; email?: boolean };

/** The operator's postal address (and e-mail), as the imprint and the privacy notice show it. */
export function OperatorAddress({ operator, email = false }: Props) {
  return (
    <address className="not-italic">
      {operator.organisation}
      <br />
      {operator.street}
      <br />
      {operator.postalCode} {operator.city}
      <br />
      {operator.country}
      {email && (
        <>
          <br />
          <a href={`mailto:${operator.email}`}>{operator.email}</a>
        </>
      )}
    </address>
  );
}
