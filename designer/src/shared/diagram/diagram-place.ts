/**
 * Where a circuit page's canvas sat on the last visit, for the window's width: the header above it
 * wraps differently with the width and the reader's language. The diagram drawn before the app
 * (diagram-ahead.ts) is placed there, so that the page takes it over where it already is. (After a
 * change of language, the first load places it as the last one did, and notes the new place.)
 */
const STORAGE_KEY = 'diwan.diagramPlace';

interface DiagramPlace {
  width: number;
  top: number;
}

/** Notes where the page's canvas is, once it shows its diagram. */
export function rememberDiagramPlace(canvas: HTMLElement): void {
  const place: DiagramPlace = { width: window.innerWidth, top: Math.round(canvas.getBoundingClientRect().top + window.scrollY) };
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(place));
  } catch {
    // private mode: the next first load places the diagram by default
  }
}

/** The canvas's top noted for this window's width, if any. */
export function rememberedDiagramTop(): number | null {
  try {
    const place = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<DiagramPlace> | null;
    return place?.width === window.innerWidth && typeof place.top === 'number' ? place.top : null;
  } catch {
    return null;
  }
}
