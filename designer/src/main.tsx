// Base styles first, so feature styles imported by the app's components come after them.
import './app/app.css';
import './shared/ui/controls.css';
import { diagramAhead, drawCircuitAhead } from './features/circuits/circuit-ahead';
import { afterNextPaint } from './shared/after-next-paint';
import { documentParsed } from './shared/document-parsed';

// The entry is small on purpose, and runs as soon as it is loaded (an `async` script, possibly
// before the body is parsed). On a first load of a circuit's page, the diagram's XML and bpmn-js are
// requested at once and the diagram is drawn before the app (React, the router, the signed-in shell)
// is even evaluated (circuit-ahead.ts). On any other page, the app is requested at once.
drawCircuitAhead();
void diagramAhead()
  .then((drawn) => (drawn ? afterNextPaint() : undefined))
  .then(() => Promise.all([import('./app/app.start'), documentParsed()]))
  .then(([{ startApp }]) => startApp(appRoot()))
  // the app or its catalogue could not be fetched (the network went away): say so in both languages, not a blank page
  .catch(async () => {
    await documentParsed();
    appRoot().textContent = 'تعذّر تحميل ديوان، أعيدوا تحميل الصفحة. · Diwan n’a pas pu se charger : rechargez la page.';
  });

function appRoot(): HTMLElement {
  const root = document.getElementById('root');
  if (!root) throw new Error('#root is missing from index.html');
  return root;
}
