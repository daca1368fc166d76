// From 'react-router', not 'react-router-dom': the router must not wait for React DOM (see app.boot.ts).
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { useSession } from '../shared/session/use-session';
import { prefetchCircuitXml } from '../features/circuits/circuits.api';

/** Anything unknown: the inbox when signed in, else the login page. */
function FallbackRedirect() {
  return <Navigate to={useSession() ? '/inbox' : '/login'} replace />;
}

// Every page is its own chunk (`lazy`): the first screen evaluates the shell and the one page it
// shows, not the whole app (nor zod, which only forms need). The signed-in layout (auth guard,
// header, live connection, tasks) is a chunk too, loaded alongside the page; public pages never load it.
const routes: RouteObject[] = [
  { path: '/login', lazy: async () => ({ Component: (await import('../features/auth/login.page')).LoginPage }) },
  // Public: the citizen's tracking page, from the receipt's QR code. No login, no navigation.
  { path: '/track', lazy: async () => ({ Component: (await import('../features/tracking/track.page')).TrackPage }) },
  { path: '/track/:code', lazy: async () => ({ Component: (await import('../features/tracking/track.page')).TrackPage }) },
  // Public: the statistics page (numbers only, no login).
  { path: '/portal/stats', lazy: async () => ({ Component: (await import('../features/public-stats/public-stats.page')).PublicStatsPage }) },
  // Public: the citizen portal (deposit, confirmation, receipt) and the receipt verify page. No login.
  { path: '/portal', lazy: async () => ({ Component: (await import('../features/portal/portal.page')).PortalPage }) },
  { path: '/portal/verify', lazy: async () => ({ Component: (await import('../features/portal/verify.page')).VerifyPage }) },
  {
    lazy: async () => ({ Component: (await import('./app.layout')).AppLayout }),
    children: [
      { path: '/inbox', lazy: async () => ({ Component: (await import('../features/inbox/inbox.page')).InboxPage }) },
      // form-js is loaded by the page only when the task has a form.
      { path: '/inbox/:taskId', lazy: async () => ({ Component: (await import('../features/inbox/user-task.page')).UserTaskPage }) },
      { path: '/mails/new', lazy: async () => ({ Component: (await import('../features/mails/mail-form.page')).MailFormPage }) },
      { path: '/mails/:id', lazy: async () => ({ Component: (await import('../features/mails/mail.page')).MailPage }) },
      // TipTap loads with the letter editor only.
      { path: '/mails/:id/letter', lazy: async () => ({ Component: (await import('../features/letters/letter-editor.page')).LetterEditorPage }) },
      { path: '/mails/:id/receipt', lazy: async () => ({ Component: (await import('../features/mails/receipt.page')).ReceiptPage }) },
      { path: '/registry', lazy: async () => ({ Component: (await import('../features/registry/registry.page')).RegistryPage }) },
      // ECharts loads with the dashboard only.
      { path: '/dashboard', lazy: async () => ({ Component: (await import('../features/dashboard/dashboard.page')).DashboardPage }) },
      { path: '/reports', lazy: async () => ({ Component: (await import('../features/reports/reports.page')).ReportsPage }) },
      { path: '/operations', lazy: async () => ({ Component: (await import('../features/operations/operations.page')).OperationsPage }) },
      { path: '/absences', lazy: async () => ({ Component: (await import('../features/absences/absences.page')).AbsencesPage }) },
      { path: '/circuits', lazy: async () => ({ Component: (await import('../features/circuits/circuit-list.page')).CircuitListPage }) },
      {
        path: '/circuits/:id',
        // bpmn-js is the heaviest dependency: load it only when a diagram is opened. The loader starts
        // fetching the diagram meanwhile (it runs in parallel with `lazy`), and the page takes it.
        // On a first load, the diagram is drawn before the app (circuit-ahead.ts, which knows this path).
        loader: ({ params }) => {
          prefetchCircuitXml(params.id ?? '');
          return null;
        },
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
      {
        path: '/admin/mail-types',
        lazy: async () => ({
          Component: (await import('../features/mail-types/mail-types.page')).MailTypesPage,
        }),
      },
      {
        path: '/admin/exchange',
        lazy: async () => ({
          Component: (await import('../features/exchange/exchange-peers.page')).ExchangePeersPage,
        }),
      },
    ],
  },
  { path: '*', element: <FallbackRedirect /> },
];

/** Created by app.boot.ts, before the rest of the shell is evaluated. */
export const createAppRouter = () => createBrowserRouter(routes);
