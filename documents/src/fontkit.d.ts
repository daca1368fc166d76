/** The part of fontkit (pdfkit's own font engine) that the receipt uses: a parsed font pdfkit accepts. */
declare module 'fontkit' {
  export interface Font {
    layout(text: string): unknown;
  }
  export function create(buffer: Uint8Array): Font | { fonts: Font[] };
}
