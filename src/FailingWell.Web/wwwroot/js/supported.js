// Lets the NHS.UK frontend know that JavaScript modules run here (kept in a file, not inline, so a
// strict content security policy can forbid inline script).
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' nhsuk-frontend-supported' : '');
