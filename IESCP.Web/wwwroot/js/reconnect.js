// The reconnect UI's buttons, bound here rather than inline so the page needs no inline script.
document.addEventListener('click', event => {
    const button = event.target.closest('[data-reconnect]');
    if (!button) {
        return;
    }

    if (button.dataset.reconnect === 'retry') {
        Blazor.reconnect();
    } else {
        location.reload();
    }
});
