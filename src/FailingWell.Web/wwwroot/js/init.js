import { initAll } from '/lib/nhsuk-frontend/nhsuk-frontend.min.js';

initAll();
