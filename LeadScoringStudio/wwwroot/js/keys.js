// Hands the open page's shortcut keys to it, except while someone types in a field or holds a modifier. One page
// listens at a time: a new listener replaces the last.
let current = null;

export function listen(page, keys) {
  stop();
  current = e => {
    if (e.ctrlKey || e.metaKey || e.altKey || !keys.includes(e.key)) {
      return;
    }

    const typing = 'input:not([type=checkbox]):not([type=radio]), textarea, select, [contenteditable="true"]';
    if (e.target.closest && e.target.closest(typing)) {
      return;
    }

    e.preventDefault();
    page.invokeMethodAsync('Pressed', e.key);
  };
  document.addEventListener('keydown', current);
  document.body.dataset.shortcuts = 'on';
}

export function stop() {
  if (current) {
    document.removeEventListener('keydown', current);
    current = null;
    delete document.body.dataset.shortcuts;
  }
}
