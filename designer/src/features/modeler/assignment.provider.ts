import { h } from '@bpmn-io/properties-panel/preact';
import type EventBus from 'diagram-js/lib/core/EventBus';
import { apiFetch } from '../../shared/api/api.client';
import type { DepartmentDto, DirectoryUserDto } from '../../shared/directory/directory.types';
import type { Language } from '../../shared/i18n/language';
import { AssignmentPicker, type PickerChoice } from './assignment.picker';

/** The departments and active users, loaded once per modeler; the panel re-renders when they come. */
export class ModelerDirectory {
  static $inject = ['eventBus'];
  departments: DepartmentDto[] = [];
  users: DirectoryUserDto[] = [];

  constructor(eventBus: EventBus) {
    Promise.all([apiFetch<DepartmentDto[]>('/api/departments'), apiFetch<DirectoryUserDto[]>('/api/users')]).then(
      ([departments, users]) => {
        this.departments = departments;
        this.users = users;
        eventBus.fire('propertiesPanel.providersChanged');
      },
      // without the directory the entries still take codes and expressions
      () => undefined,
    );
  }
}

type Entry = { id: string; component: unknown; isEdited?: unknown };
type Group = { id: string; entries?: Entry[] };
type Element = { businessObject: { get(name: string): unknown } };

const ENTRIES = {
  candidateGroups: { property: 'camunda:candidateGroups', label: 'Candidate groups', kind: 'department', multiple: true },
  candidateUsers: { property: 'camunda:candidateUsers', label: 'Candidate users', kind: 'user', multiple: true },
  assignee: { property: 'camunda:assignee', label: 'Assignee', kind: 'user', multiple: false },
} as const;

/**
 * Replaces the Camunda 7 panel's free-text assignee and candidate entries (group "User
 * assignment") with pickers of real departments and users. Registered with a low priority, so
 * it sees the groups of every other provider, element templates included.
 */
export class AssignmentPropertiesProvider {
  static $inject = ['propertiesPanel', 'commandStack', 'translate', 'modelerDirectory', 'modelerLanguage'];

  constructor(
    propertiesPanel: { registerProvider(priority: number, provider: AssignmentPropertiesProvider): void },
    private readonly commandStack: { execute(command: string, context: unknown): void },
    private readonly translate: (text: string) => string,
    private readonly directory: ModelerDirectory,
    private readonly language: () => Language,
  ) {
    propertiesPanel.registerProvider(100, this);
  }

  getGroups(element: Element) {
    return (groups: Group[]) => {
      const group = groups.find((g) => g.id === 'CamundaPlatform__UserAssignment');
      if (!group?.entries) return groups;
      group.entries = group.entries.map((entry) => (entry.id in ENTRIES ? this.picker(element, entry.id as keyof typeof ENTRIES) : entry));
      return groups;
    };
  }

  private choices(kind: 'department' | 'user'): PickerChoice[] {
    const language = this.language();
    return kind === 'department'
      ? this.directory.departments.map((d) => ({ value: d.code, label: d.name[language] }))
      : this.directory.users.map((u) => ({ value: u.username, label: u.displayName }));
  }

  private picker(element: Element, id: keyof typeof ENTRIES): Entry {
    const { property, label, kind, multiple } = ENTRIES[id];
    const component = () =>
      h(AssignmentPicker, {
        id,
        label: this.translate(label),
        value: String(element.businessObject.get(property) ?? ''),
        choices: this.choices(kind),
        multiple,
        translate: this.translate,
        onChange: (value) =>
          this.commandStack.execute('element.updateModdleProperties', {
            element,
            moddleElement: element.businessObject,
            properties: { [property]: value },
          }),
      });
    return { id, component, isEdited: () => Boolean(element.businessObject.get(property)) };
  }
}

export function assignmentModule() {
  return {
    __init__: ['assignmentPropertiesProvider'],
    modelerDirectory: ['type', ModelerDirectory],
    assignmentPropertiesProvider: ['type', AssignmentPropertiesProvider],
  };
}
