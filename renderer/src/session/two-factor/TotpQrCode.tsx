import { create } from 'qrcode';
import { useMemo } from 'react';

const QUIET_ZONE = 4; // modules of white around the code, as the QR standard asks for reliable scanning

/**
 * The otpauth URI as a QR code, drawn here as SVG elements by React. The service sends its own SVG
 * drawing too, but markup from the network is never put into the page; the URI is only data.
 */
export function TotpQrCode({ uri, label, size = 200 }: { uri: string; label: string; size?: number }) {
  const { path, dimension } = useMemo(() => {
    const { modules } = create(uri, { errorCorrectionLevel: 'M' });
    let d = '';
    for (let row = 0; row < modules.size; row += 1) {
      for (let col = 0; col < modules.size; col += 1) {
        if (modules.get(row, col)) d += `M${col + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`;
      }
    }
    return { path: d, dimension: modules.size + 2 * QUIET_ZONE };
  }, [uri]);
  return (
    <svg
      role="img"
      aria-label={label}
      width={size}
      height={size}
      viewBox={`0 0 ${dimension} ${dimension}`}
      shapeRendering="crispEdges"
      data-testid="totp-qr"
    >
      <rect width={dimension} height={dimension} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
