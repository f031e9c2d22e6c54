import { base64ToBytes } from './base64.js';

/**
 * Hands a decrypted document to the user as a download (Electron shows its save dialog). The
 * object URL lives only for this click; nothing is written anywhere else by the app.
 */
export function saveFile(fileName: string, mimeType: string, contentBase64: string): void {
  const url = URL.createObjectURL(new Blob([base64ToBytes(contentBase64)], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
