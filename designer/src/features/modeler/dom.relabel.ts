const ATTRIBUTES = ['title', 'placeholder', 'aria-label'] as const;

export interface Relabeling {
  /** Says everything again (after a language switch). */
  refresh(): void;
  stop(): void;
}

/**
 * Relabels a third-party widget that has no translation hook (bpmn-js-token-simulation and the
 * form-js editor write fixed English): the text nodes, `title`, `placeholder` and `aria-label` of
 * the elements under `selector` inside `root` are replaced with `translate(english)`, now and
 * whenever the widget re-renders them. The English original is remembered, so a language switch
 * says it again. Form values (what people type) are never touched.
 */
export function relabel(root: HTMLElement, selector: string, translate: (english: string) => string): Relabeling {
  // what the widget wrote, and what we wrote over it
  const texts = new WeakMap<Text, { english: string; said: string }>();
  const attributes = new WeakMap<Element, Map<string, { english: string; said: string }>>();

  const sayText = (node: Text) => {
    const known = texts.get(node);
    const english = known && node.data === known.said ? known.english : node.data;
    const trimmed = english.trim();
    if (!trimmed) return;
    const said = english.replace(trimmed, translate(trimmed));
    texts.set(node, { english, said });
    if (node.data !== said) node.data = said;
  };
  const sayAttributes = (element: Element) => {
    const known = attributes.get(element) ?? new Map<string, { english: string; said: string }>();
    for (const name of ATTRIBUTES) {
      const current = element.getAttribute(name);
      if (!current) continue;
      const before = known.get(name);
      const english = before && current === before.said ? before.english : current;
      const said = translate(english.trim());
      known.set(name, { english, said });
      if (current !== said) element.setAttribute(name, said);
    }
    attributes.set(element, known);
  };
  const inScope = (node: Node) => {
    const element = node instanceof Element ? node : node.parentElement;
    return Boolean(element?.closest(selector)) && !element?.closest('textarea, [contenteditable="true"]');
  };
  const walk = (start: Node) => {
    if (start instanceof Text) {
      if (inScope(start)) sayText(start);
      return;
    }
    if (start instanceof Element && inScope(start)) sayAttributes(start);
    const walker = document.createTreeWalker(start, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!inScope(node)) continue;
      if (node instanceof Text) sayText(node);
      else sayAttributes(node as Element);
    }
  };

  const observer = new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      if (mutation.type === 'childList') mutation.addedNodes.forEach(walk);
      else if (mutation.target instanceof Text) walk(mutation.target);
      else if (mutation.target instanceof Element && inScope(mutation.target)) sayAttributes(mutation.target);
    }
  });
  walk(root);
  observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: [...ATTRIBUTES] });
  return { refresh: () => walk(root), stop: () => observer.disconnect() };
}
