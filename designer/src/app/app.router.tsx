import { createBrowserRouter, Navigate } from 'react-router-dom';
import { LoginPage } from '../features/auth/login.page';
import { RequireAuth } from '../features/auth/require-auth';
import { useSession } from '../features/auth/use-session';
import { CircuitListPage } from '../features/circuits/circuit-list.page';
import { InboxPage } from '../features/inbox/inbox.page';
import { UserTaskPage } from '../features/inbox/user-task.page';
import { MailFormPage } from '../features/mails/mail-form.page';
import { MailPage } from '../features/mails/mail.page';
import { ReceiptPage } from '../features/mails/receipt.page';
import { RegistryPage } from '../features/registry/registry.page';
import { TrackPage } from '../features/tracking/track.page';
import { AppLayout } from './app.layout';

/** Anything unknown: the inbox when signed in, else the login page. */
function FallbackRedirect() {
  return <Navigate to={useSession() ? '/inbox' : '/login'} replace />;
}

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  // Public: the citizen's tracking page, from the receipt's QR code. No login, no navigation.
  { path: '/track', element: <TrackPage /> },
  { path: '/track/:code', element: <TrackPage /> },
  {
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { path: '/inbox', element: <InboxPage /> },
      // form-js is loaded by the page only when the task has a form.
      { path: '/inbox/:taskId', element: <UserTaskPage /> },
      { path: '/mails/new', element: <MailFormPage /> },
      { path: '/mails/:id', element: <MailPage /> },
      { path: '/mails/:id/receipt', element: <ReceiptPage /> },
      { path: '/registry', element: <RegistryPage /> },
      { path: '/circuits', element: <CircuitListPage /> },
      {
        path: '/circuits/:id',
        // bpmn-js is the heaviest dependency: load it only when a diagram is opened.
        lazy: async () => ({
          Component: (await import('../features/circuits/circuit-viewer.page')).CircuitViewerPage,
        }),
      },
      {
        path: '/circuits/:id/live',
        lazy: async () => ({
          Component: (await import('../features/circuit-live/circuit-live.page')).CircuitLivePage,
        }),
      },
      {
        path: '/circuits/drafts',
        // The modeler (bpmn-js, properties panel, bpmnlint, token simulation) loads on its own.
        lazy: async () => ({
          Component: (await import('../features/modeler/draft-list.page')).DraftListPage,
        }),
      },
      {
        path: '/circuits/drafts/:id',
        lazy: async () => ({
          Component: (await import('../features/modeler/modeler.page')).ModelerPage,
        }),
      },
      {
        path: '/circuits/drafts/:id/diff',
        lazy: async () => ({
          Component: (await import('../features/circuit-diff/circuit-diff.page')).CircuitDiffPage,
        }),
      },
    ],
  },
  { path: '*', element: <FallbackRedirect /> },
]);
