// The real root layout, with <html lang>, is app/[locale]/layout.tsx.
export default function RootLayout({ children }: LayoutProps<'/'>) {
  return children;
}
