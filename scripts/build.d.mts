export const root: string;
export const jars: { runtime: string; mongo: string };
export function checkPrerequisites(): void;
export function ensureBuilt(): void;
