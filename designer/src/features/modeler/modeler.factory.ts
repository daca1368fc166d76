import ElementTemplateChooserModule from '@bpmn-io/element-template-chooser';
import BpmnModeler from 'bpmn-js/lib/Modeler';
import lintModule from 'bpmn-js-bpmnlint';
import { ElementTemplatesPropertiesProviderModule } from 'bpmn-js-element-templates';
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule, CamundaPlatformPropertiesProviderModule } from 'bpmn-js-properties-panel';
import TokenSimulationModule from 'bpmn-js-token-simulation/lib/modeler';
import CamundaBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-platform';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import type { Language } from '../../shared/i18n/language';
import { assignmentModule } from './assignment.provider';
import { elementTemplates } from './element-templates';
import { lintConfig } from './lint.config';
import { translateModule } from './modeler.translate';
import { simulationLabelsModule } from './simulation.labels';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import 'bpmn-js-element-templates/dist/assets/element-templates.css';
import '@bpmn-io/element-template-chooser/dist/element-template-chooser.css';
import 'bpmn-js-bpmnlint/dist/assets/css/bpmn-js-bpmnlint.css';
import 'bpmn-js-token-simulation/assets/css/bpmn-js-token-simulation.css';

/**
 * The Camunda 7 modeler of Diwan: bpmn-js + the Camunda Platform properties panel + our element
 * templates (with the template chooser) + bpmnlint (our rules) + token simulation, labelled in
 * the user's language.
 */
export function createModeler(options: { canvas: HTMLElement; panel: HTMLElement; language: () => Language }): BpmnModeler {
  return new BpmnModeler({
    container: options.canvas,
    propertiesPanel: { parent: options.panel },
    elementTemplates,
    linting: { bpmnlint: lintConfig, active: true },
    moddleExtensions: { camunda: camundaModdle },
    additionalModules: [
      BpmnPropertiesPanelModule,
      BpmnPropertiesProviderModule,
      CamundaPlatformPropertiesProviderModule,
      CamundaBehaviorsModule,
      ElementTemplatesPropertiesProviderModule,
      ElementTemplateChooserModule,
      lintModule,
      TokenSimulationModule,
      simulationLabelsModule,
      translateModule(options.language),
      assignmentModule(),
    ],
  });
}
