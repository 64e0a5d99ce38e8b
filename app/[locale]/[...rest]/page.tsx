import { notFound } from 'next/navigation';

// Any unknown path inside a locale gets that locale's not-found page.
export default function CatchAll() {
  notFound();
}
