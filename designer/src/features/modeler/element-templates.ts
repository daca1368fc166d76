/**
 * The catalogue of ready steps: `processes/element-templates/*.json`, one per worker topic,
 * bundled at build time. A file holds one template or an array of them.
 */
const files = import.meta.glob<{ default: unknown }>('../../../../processes/element-templates/*.json', { eager: true });

export interface ElementTemplate {
  id: string;
  name: string;
  appliesTo: string[];
  [property: string]: unknown;
}

export const elementTemplates: ElementTemplate[] = Object.keys(files)
  .sort()
  .flatMap((path) => {
    const content = files[path]!.default;
    return (Array.isArray(content) ? content : [content]) as ElementTemplate[];
  });
