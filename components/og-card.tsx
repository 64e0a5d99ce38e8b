type Props = {
  icon: string;
  siteName: string;
  tagline: string;
  title: string;
  /** Short names shown as marks: one large (a partner) or several small (the list). */
  marks: string[];
};

const brand = { 700: '#0d6266', 50: '#eef7f7' };

/** The social card (rendered by next/og's Satori: inline styles, flex layout only). */
export function OgCard({ icon, siteName, tagline, title, marks }: Props) {
  const large = marks.length === 1;
  return (
    <div
      style={{
        width: '100%',
        height: '100%',
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'space-between',
        padding: '64px 80px',
        background: 'white',
        borderBottom: `24px solid ${brand[700]}`,
        fontFamily: 'Geist',
        color: '#0f172a',
      }}
    >
      <div style={{ display: 'flex', alignItems: 'center', gap: 20, fontSize: 34 }}>
        {/* eslint-disable-next-line @next/next/no-img-element -- Satori draws <img>, not next/image */}
        <img src={icon} width={64} height={64} alt="" />
        <span style={{ fontWeight: 700, color: brand[700] }}>{siteName}</span>
        <span style={{ color: '#475569' }}>{tagline}</span>
      </div>
      <div style={{ display: 'flex', flexDirection: 'column', gap: 36 }}>
        <div
          style={{ display: 'flex', flexWrap: 'wrap', gap: 20, maxHeight: 212, overflow: 'hidden' }}
        >
          {marks.map((mark) => (
            <div
              key={mark}
              style={{
                display: 'flex',
                alignItems: 'center',
                height: large ? 150 : 96,
                padding: large ? '0 40px' : '0 28px',
                borderRadius: large ? 24 : 16,
                background: brand[700],
                color: 'white',
                fontSize: large ? (mark.length > 10 ? 60 : 88) : 52,
                fontWeight: 700,
              }}
            >
              {mark}
            </div>
          ))}
        </div>
        <div
          style={{
            display: 'block',
            fontSize: 60,
            fontWeight: 700,
            lineHeight: 1.15,
            lineClamp: 2,
          }}
        >
          {title}
        </div>
      </div>
    </div>
  );
}
