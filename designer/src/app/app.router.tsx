import { createBrowserRouter, Navigate } from 'react-router-dom';
import { LoginPage } from '../features/auth/login.page';
import { RequireAuth } from '../features/auth/require-auth';
import { useSession } from '../features/auth/use-session';
import { CircuitListPage } from '../features/circuits/circuit-list.page';
import { InboxPage } from '../features/inbox/inbox.page';
import { AppLayout } from './app.layout';

/** Anything unknown: the inbox when signed in, else the login page. */
function FallbackRedirect() {
  return <Navigate to={useSession() ? '/inbox' : '/login'} replace />;
}

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { path: '/inbox', element: <InboxPage /> },
      { path: '/circuits', element: <CircuitListPage /> },
      {
        path: '/circuits/:id',
        // bpmn-js is the heaviest dependency: load it only when a diagram is opened.
        lazy: async () => ({
          Component: (await import('../features/circuits/circuit-viewer.page')).CircuitViewerPage,
        }),
      },
    ],
  },
  { path: '*', element: <FallbackRedirect /> },
]);
