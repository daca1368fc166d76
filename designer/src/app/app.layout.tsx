import { Outlet } from 'react-router-dom';
import { RequireAuth } from '../features/auth/require-auth';
import { sessionStore } from '../shared/session/session.store';
import { useSession } from '../shared/session/use-session';
import { UserTasksProvider } from '../features/inbox/user-tasks.provider';
import { RealtimeProvider } from '../shared/realtime/realtime.provider';
import { AppHeader } from './app.header';
import './app.header.css';

/** The signed-in part of the app: signed-out visitors go to /login (and back after). */
export function AppLayout() {
  return (
    <RequireAuth>
      <SignedInShell />
    </RequireAuth>
  );
}

/** The signed-in shell: one live connection, the user's tasks, the header, then the page. */
function SignedInShell() {
  const session = useSession();
  if (!session) return null;
  return (
    <RealtimeProvider token={session.token} onUnauthorized={sessionStore.clear}>
      <UserTasksProvider>
        <div className="shell">
          <AppHeader />
          <main id="main" className="shell__main" tabIndex={-1}>
            <Outlet />
          </main>
        </div>
      </UserTasksProvider>
    </RealtimeProvider>
  );
}
