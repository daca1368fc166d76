import type { CircuitDecision } from './modeler.api';

const DMN = 'https://www.omg.org/spec/DMN/20191111/MODEL/';

/** A fresh XML id (an NCName: it starts with a letter), e.g. `Decision_0k3f9xa`. */
export function newId(prefix: string): string {
  return `${prefix}_${Math.random().toString(36).slice(2, 9).padEnd(7, '0')}`;
}

function escapeAttribute(text: string): string {
  return text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);
}

/**
 * A new decision file: one empty decision table (hit policy "unique", one string input and one
 * string output, no rules yet), FEEL by default (no other expression language is named), drawn
 * in a DRD. Its file is named after the decision's id, which business rule tasks refer to.
 */
export function blankDecision(name: string, taken: readonly CircuitDecision[]): CircuitDecision {
  let id = newId('Decision');
  while (taken.some((d) => d.file === id)) id = newId('Decision');
  const suffix = id.slice('Decision_'.length);
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="${DMN}" xmlns:dmndi="https://www.omg.org/spec/DMN/20191111/DMNDI/" xmlns:dc="http://www.omg.org/spec/DMN/20180521/DC/" id="Definitions_${suffix}" name="${escapeAttribute(name)}" namespace="http://camunda.org/schema/1.0/dmn">
  <decision id="${id}" name="${escapeAttribute(name)}">
    <decisionTable id="DecisionTable_${suffix}" hitPolicy="UNIQUE">
      <input id="Input_${suffix}">
        <inputExpression id="InputExpression_${suffix}" typeRef="string">
          <text></text>
        </inputExpression>
      </input>
      <output id="Output_${suffix}" name="result" typeRef="string" />
    </decisionTable>
  </decision>
  <dmndi:DMNDI>
    <dmndi:DMNDiagram id="DMNDiagram_${suffix}">
      <dmndi:DMNShape id="DMNShape_${suffix}" dmnElementRef="${id}">
        <dc:Bounds height="80" width="180" x="160" y="100" />
      </dmndi:DMNShape>
    </dmndi:DMNDiagram>
  </dmndi:DMNDI>
</definitions>
`;
  return { file: id, xml };
}

/** The decisions a DMN file declares, read in the browser for the list (id and name). */
export function decisionsIn(xml: string): { id: string; name: string }[] {
  const document = new DOMParser().parseFromString(xml, 'application/xml');
  if (document.getElementsByTagName('parsererror').length > 0) return [];
  return Array.from(document.documentElement.children)
    .filter((e) => e.localName === 'decision')
    .map((e) => ({ id: e.getAttribute('id') ?? '', name: e.getAttribute('name') ?? '' }));
}
