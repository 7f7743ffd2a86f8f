// The NHS.UK frontend's address carries its fingerprint, written by the layout's modulepreload link,
// so it is imported from there (a fixed path here would miss the year-long cache).
const { initAll } = await import(document.getElementById('nhsuk-frontend-module').href);

initAll();
