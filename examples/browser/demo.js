// The demo page's script: no build step, just the standalone bundle the collector serves.
import { init } from './faultline.browser.mjs';

const faultline = init({
  endpoint: location.origin,
  key: 'demo-public-key',
  release: 'demo@0.1.0',
  environment: 'development',
});
faultline.setUser({ id: 'demo-user', email: 'demo.user@example.com' }); // scrubbed before disk
faultline.setTags({ page: 'demo' });

const $ = (id) => document.getElementById(id);

$('throw').addEventListener('click', () => {
  setTimeout(() => {
    const cart = undefined;
    return cart.items.length; // TypeError: Cannot read properties of undefined
  });
});
$('reject').addEventListener('click', () => {
  Promise.reject(new Error('Request failed with status code 503')); // external_service_error
});
$('pii').addEventListener('click', () => {
  faultline.captureException(
    new Error(
      'Login failed for jane.doe@example.com with token=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl',
    ),
  );
});
$('fetch').addEventListener('click', async () => {
  await fetch('/this/does/not/exist').catch(() => undefined);
  faultline.captureMessage('After a failing fetch: see the breadcrumb', 'low');
});
const BURST = ['Cart total mismatch', 'Coupon lookup failed', 'Stock check timed out'];
$('burst').addEventListener('click', () => {
  for (let i = 0; i < 1000; i++) faultline.captureException(new Error(BURST[i % 3]));
});
$('message').addEventListener('click', () => faultline.captureMessage('Hello from the demo page'));
$('flush').addEventListener('click', () => faultline.flush());

async function showStatus() {
  const status = await faultline.status();
  $('status').textContent = JSON.stringify(status, null, 2);
}

async function showIssues() {
  const token = $('token').value;
  const response = await fetch('/v1/issues?limit=20', {
    headers: { authorization: `Bearer ${token}` },
  }).catch(() => undefined);
  if (response === undefined || !response.ok) {
    $('issue-rows').replaceChildren();
    $('issues-note').textContent = response
      ? `The collector answered ${response.status}.`
      : 'The collector is unreachable: events wait in IndexedDB.';
    return;
  }
  const { issues } = await response.json();
  $('issues-note').textContent = issues.length === 0 ? 'No issues yet: press a button.' : '';
  $('issue-rows').replaceChildren(
    ...issues.map((issue) => {
      const row = document.createElement('tr');
      const cells = [issue.title, issue.type, issue.severity, issue.count, issue.lastSeen];
      for (const [index, value] of cells.entries()) {
        const cell = document.createElement('td');
        cell.textContent = index === 4 ? new Date(value).toLocaleString() : String(value);
        if (index === 3) cell.className = 'count';
        row.append(cell);
      }
      return row;
    }),
  );
}

$('token-form').addEventListener('submit', (event) => {
  event.preventDefault(); // the token is read on each refresh; no page reload
  void showIssues();
});

setInterval(() => {
  void showStatus();
  void showIssues();
}, 1500);
void showStatus();
void showIssues();
