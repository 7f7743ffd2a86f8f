// Shows "Copy the code" where the browser can copy, and copies the receipt code when pressed.
for (const button of document.querySelectorAll('[data-copy]')) {
  if (!navigator.clipboard) continue;
  button.hidden = false;
  button.addEventListener('click', async () => {
    const text = document.getElementById(button.dataset.copy)?.textContent?.trim() ?? '';
    await navigator.clipboard.writeText(text);
    button.textContent = 'Code copied';
  });
}
