import { SOCKET_EVENTS } from '@diwan/contracts';
import { useEffect, useRef } from 'react';
import { useRealtime } from '../../shared/realtime/use-realtime';

/** Everything that moves a figure of the live view: instances, user tasks, incidents. */
const LIVE_EVENTS = [
  SOCKET_EVENTS.processInstanceStarted,
  SOCKET_EVENTS.processInstanceEnded,
  SOCKET_EVENTS.userTaskCreated,
  SOCKET_EVENTS.userTaskAssigned,
  SOCKET_EVENTS.userTaskCompleted,
  SOCKET_EVENTS.userTaskDeleted,
  SOCKET_EVENTS.incidentCreated,
  SOCKET_EVENTS.incidentResolved,
] as const;

/**
 * Calls `onChange` for each live event of one process definition (runtime events and user-task
 * DTOs both carry `processDefinitionId`; admins and supervisors hear them in the `supervisors`
 * room), and on every (re)connection, since events may have been missed meanwhile.
 */
export function useCircuitEvents(processDefinitionId: string, onChange: () => void): void {
  const { socket } = useRealtime();
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  });

  useEffect(() => {
    if (!socket) return;
    const listener = (payload: { processDefinitionId?: unknown } | undefined) => {
      if (payload?.processDefinitionId === processDefinitionId) latest.current();
    };
    const reconnected = () => latest.current();
    for (const event of LIVE_EVENTS) socket.on(event, listener);
    socket.on('connect', reconnected);
    return () => {
      for (const event of LIVE_EVENTS) socket.off(event, listener);
      socket.off('connect', reconnected);
    };
  }, [socket, processDefinitionId]);
}
