// With the guardian chosen the incident questions are not asked (the server does not need them), so
// they are hidden, and the guardian's own question shown. Without JavaScript every question shows.
const routes = document.querySelectorAll('input[name="Input.Route"]');
if (routes.length > 0) {
  const sync = () => {
    const guardian = [...routes].some((radio) => radio.checked && radio.value !== '');
    for (const part of document.querySelectorAll('[data-fw-report-only]')) part.hidden = guardian;
    for (const part of document.querySelectorAll('[data-fw-guardian-only]')) part.hidden = !guardian;
  };
  for (const radio of routes) radio.addEventListener('change', sync);
  sync();
}
