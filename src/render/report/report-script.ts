import { TABLE_SCRIPT } from './table-script.js';

/**
 * The report's only script, inlined and static (log data never goes into
 * it): copy buttons put a RequestId, or all of a code's sampled ones, on the
 * clipboard for a support ticket, and tables sort and filter (TABLE_SCRIPT).
 * The page's Content-Security-Policy allows this script by its hash and
 * nothing else.
 */
export const REPORT_SCRIPT = `
(function () {
  function fallbackCopy(text) {
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok ? Promise.resolve() : Promise.reject(new Error('copy refused'));
  }
  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return fallbackCopy(text); });
    }
    return fallbackCopy(text);
  }
  document.addEventListener('click', function (event) {
    var target = event.target;
    var button = target && target.closest ? target.closest('button[data-copy]') : null;
    if (!button) return;
    var label = button.textContent;
    copy(button.getAttribute('data-copy')).then(function () {
      button.textContent = 'Copied';
      button.classList.add('done');
    }, function () {
      button.textContent = 'Select and copy by hand';
    }).then(function () {
      setTimeout(function () { button.textContent = label; button.classList.remove('done'); }, 1500);
    });
  });
})();
${TABLE_SCRIPT}`;
