// Reveals the content under a chosen radio. The NHS.UK radios script does this too, but it marks
// the radio aria-expanded, which radios do not support (axe: aria-allowed-attr); this does not.
for (const group of document.querySelectorAll('[data-fw-conditional-radios]')) {
  const radios = group.querySelectorAll('input[type="radio"]');
  const sync = () => {
    for (const radio of radios) {
      const target = radio.getAttribute('aria-controls');
      if (!target) continue;
      document.getElementById(target)?.classList.toggle('nhsuk-radios__conditional--hidden', !radio.checked);
    }
  };
  for (const radio of radios) radio.addEventListener('change', sync);
  sync();
}
