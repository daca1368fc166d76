import { MILESTONE_STATUSES, type PolicyViolationDto } from '@diwan/contracts';
import type { SaxesTagNS } from 'saxes';
import { plainAttr as attr, scanXml, type AddViolation } from './policy-scan.js';

/**
 * The deployment policy: every BPMN passes it before it reaches the runtime, whoever sends it.
 * Service work must go through external tasks on known topics; scripts, Java classes and
 * expression delegates run code inside the runtime and are refused, naming the element, unless
 * an admin explicitly allows them. No DOCTYPE, hence no XML entities, is accepted.
 */
export const POLICY_RULES = {
  wellFormed: 'xml-well-formed',
  noDoctype: 'no-doctype',
  noScriptTask: 'no-script-task',
  noScript: 'no-script',
  noJavaDelegate: 'no-java-delegate',
  noConnector: 'no-connector',
  knownTopic: 'known-topic',
  externalServiceWork: 'external-service-work',
  userTaskAssignment: 'user-task-assignment',
  noEngineAccess: 'no-engine-access',
  knownMilestone: 'known-milestone',
  feelOnly: 'feel-only',
  formCondition: 'form-condition',
} as const;
export type PolicyRule = (typeof POLICY_RULES)[keyof typeof POLICY_RULES];

/** The contract's violation, with the rule narrowed to the ones this policy knows. */
export interface PolicyViolation extends PolicyViolationDto {
  rule: PolicyRule;
}

export interface PolicyOptions {
  knownTopics: readonly string[];
  /** An admin's explicit exception for scripts, Java delegates and expression delegates. */
  allowCode?: boolean;
}

const BPMN = 'http://www.omg.org/spec/BPMN/20100524/MODEL';
const EXTENSION_NAMESPACES = new Set(['http://camunda.org/schema/1.0/bpmn', 'http://operaton.org/schema/1.0/bpmn']);
const CODE_ATTRIBUTES = ['class', 'expression', 'delegateExpression', 'variableMappingClass', 'variableMappingDelegateExpression'];
const SERVICE_ELEMENTS = new Set(['serviceTask', 'sendTask', 'businessRuleTask', 'messageEventDefinition']);
/** Expressions may read variables and call their methods, but not reach into the engine or the JVM. */
const ENGINE_ACCESS = /getProcessEngine|getProcessEngineServices|ProcessEngines|\.getClass\s*\(|\.forName\s*\(|java\.lang|Runtime\b|execution\.getProcessEngine/;
/** The runtime evaluates both `${…}` and `#{…}` as expressions. */
const reachesEngine = (text: string) => /[$#]\{/.test(text) && ENGINE_ACCESS.test(text);
/** The Camunda property a flow node declares its milestone with (a mail status). */
export const MILESTONE_PROPERTY = 'diwan.milestone';

export function checkBpmn(file: string, xml: string, options: PolicyOptions): PolicyViolation[] {
  return scanXml(file, xml, {
    idOf: (tag) => (tag.uri === BPMN ? (attr(tag, 'id') ?? null) : null),
    onOpen(tag, where, add) {
      if (tag.uri === BPMN) checkBpmnElement(tag, where, options, add);
      else if (EXTENSION_NAMESPACES.has(tag.uri)) checkExtensionElement(tag, where, options, add);
      for (const a of Object.values(tag.attributes)) {
        if (typeof a.value === 'string' && reachesEngine(a.value)) {
          add(where, POLICY_RULES.noEngineAccess, `Element ${where ?? '(document)'}: the expression "${a.value}" reaches into the engine or the JVM`);
        }
      }
    },
    onText(text, where, add) {
      if (reachesEngine(text)) add(where, POLICY_RULES.noEngineAccess, `Element ${where ?? '(document)'}: an expression reaches into the engine or the JVM`);
    },
  });
}

type Add = AddViolation;

function checkBpmnElement(tag: SaxesTagNS, where: string | null, options: PolicyOptions, add: Add) {
  const name = tag.local;
  const label = `${name} ${where ?? '(no id)'}`;
  if (name === 'scriptTask' && !options.allowCode) {
    add(where, POLICY_RULES.noScriptTask, `Script task ${where}: scripts are not allowed; use an external task on a known topic`);
  }
  const codeAttribute = CODE_ATTRIBUTES.find((a) => extensionAttr(tag, a) !== undefined);
  if (codeAttribute && !options.allowCode) {
    add(where, POLICY_RULES.noJavaDelegate, `${cap(label)}: camunda:${codeAttribute} runs code in the runtime; use an external task on a known topic`);
  }
  if (SERVICE_ELEMENTS.has(name)) {
    const type = extensionAttr(tag, 'type');
    const isDecision = name === 'businessRuleTask' && extensionAttr(tag, 'decisionRef') !== undefined;
    if (type === 'external') {
      const topic = extensionAttr(tag, 'topic');
      if (!topic || !options.knownTopics.includes(topic)) {
        add(where, POLICY_RULES.knownTopic, `${cap(label)}: topic "${topic ?? ''}" is not a known worker topic (known: ${options.knownTopics.join(', ')})`);
      }
    } else if (!isDecision && !codeAttribute && name !== 'messageEventDefinition') {
      add(where, POLICY_RULES.externalServiceWork, `${cap(label)}: service work must be an external task (camunda:type="external") on a known topic`);
    }
  }
  if (name === 'userTask' && !['assignee', 'candidateGroups', 'candidateUsers'].some((a) => extensionAttr(tag, a))) {
    add(where, POLICY_RULES.userTaskAssignment, `User task ${where}: give it a candidate group or an assignee`);
  }
}

function checkExtensionElement(tag: SaxesTagNS, where: string | null, options: PolicyOptions, add: Add) {
  if (tag.local === 'property' && attr(tag, 'name') === MILESTONE_PROPERTY) {
    const value = attr(tag, 'value') ?? '';
    if (!(MILESTONE_STATUSES as readonly string[]).includes(value)) {
      add(where, POLICY_RULES.knownMilestone, `Element ${where ?? '(document)'}: milestone "${value}" is not a mail status (allowed: ${MILESTONE_STATUSES.join(', ')})`);
    }
  }
  if (options.allowCode) return;
  const at = `element ${where ?? '(document)'}`;
  if (tag.local === 'script') add(where, POLICY_RULES.noScript, `A script in ${at} is not allowed`);
  if (tag.local === 'connector') add(where, POLICY_RULES.noConnector, `A connector in ${at} is not allowed; use an external task`);
  if ((tag.local === 'executionListener' || tag.local === 'taskListener') && CODE_ATTRIBUTES.some((a) => attr(tag, a) !== undefined)) {
    add(where, POLICY_RULES.noJavaDelegate, `A ${tag.local} with a class or expression in ${at} runs code in the runtime`);
  }
}

function extensionAttr(tag: SaxesTagNS, local: string): string | undefined {
  return Object.values(tag.attributes).find((a) => a.local === local && EXTENSION_NAMESPACES.has(a.uri))?.value;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
