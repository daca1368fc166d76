/** A deployed circuit (the latest version of a Camunda process definition). */
export interface CircuitDto {
  id: string;
  key: string;
  name: string | null;
  version: number;
  deploymentId: string;
  resource: string;
}

export interface CircuitXmlDto {
  id: string;
  bpmn20Xml: string;
}
